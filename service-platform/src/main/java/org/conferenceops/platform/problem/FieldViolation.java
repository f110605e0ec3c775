package org.conferenceops.platform.problem;

import java.util.Objects;

/**
 * One reason a request was refused, tied to the input that caused it; rendered as one entry of a problem's
 * {@code errors} array.
 *
 * @param field   the offending input as the client named it: a JSON path such as {@code delegates[3].email}, a
 *                parameter name, or the object name when the rule spans several fields
 * @param code    a stable, machine-readable rule code such as {@code not-blank} or {@code delegation-cap-reached}
 * @param message a human explanation in English; it never echoes personal data back
 */
public record FieldViolation(String field, String code, String message) {

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
