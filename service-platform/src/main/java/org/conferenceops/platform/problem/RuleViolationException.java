package org.conferenceops.platform.problem;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * 422: the request is well-formed but breaks a business rule, e.g. a delegation over its size cap. The body carries
 * the {@code rule} code and an {@code errors} array with one {@link FieldViolation} per offending input (possibly
 * empty when the rule concerns the request as a whole).
 */
public class RuleViolationException extends ProblemException {

    private final String rule;
    private final List<FieldViolation> violations;

    /**
     * @param rule       a stable code for the rule, e.g. {@code delegation-size-cap}
     * @param detail     the explanation for the client
     * @param violations the inputs that break it
     */
    public RuleViolationException(String rule, String detail, List<FieldViolation> violations) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.RULE_VIOLATION, "Business rule violated", detail);
        this.rule = rule;
        this.violations = List.copyOf(violations);
    }

    /** A violation of a rule about one field. */
    public RuleViolationException(String rule, FieldViolation violation) {
        this(rule, violation.message(), List.of(violation));
    }

    public String rule() {
        return rule;
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("rule", rule, "errors", violations);
    }
}
