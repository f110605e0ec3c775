package org.conferenceops.registration.web;

import java.util.List;
import java.util.Map;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.ProblemException;
import org.conferenceops.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * 400 for input the service cannot read at all, e.g. a CSV upload that is not well-formed or an unknown sort
 * field; the body names the offending input in {@code errors}.
 */
public class BadRequestException extends ProblemException {

    private final List<FieldViolation> violations;

    public BadRequestException(String detail, List<FieldViolation> violations) {
        super(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request", detail);
        this.violations = List.copyOf(violations);
    }

    public BadRequestException(FieldViolation violation) {
        this(violation.message(), List.of(violation));
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", violations);
    }
}
