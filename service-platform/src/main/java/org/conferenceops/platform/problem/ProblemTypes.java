package org.conferenceops.platform.problem;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * The {@code type} URIs of Conference Ops problems: {@code urn:conference-ops:problem:<slug>}. A slug is a
 * stable, lower-case, hyphenated name that clients may switch on; it never changes once published.
 */
public final class ProblemTypes {

    /** Prefix of every problem type. */
    public static final String PREFIX = "urn:conference-ops:problem:";

    public static final String NOT_FOUND = "not-found";
    public static final String CONFLICT = "conflict";
    public static final String ILLEGAL_STATE_TRANSITION = "illegal-state-transition";
    public static final String RULE_VIOLATION = "rule-violation";
    public static final String TOO_MANY_REQUESTS = "too-many-requests";
    public static final String SERVICE_UNAVAILABLE = "service-unavailable";
    public static final String VALIDATION_FAILED = "validation-failed";
    public static final String MALFORMED_REQUEST = "malformed-request";
    public static final String INVALID_PARAMETER = "invalid-parameter";
    public static final String MISSING_PARAMETER = "missing-parameter";
    public static final String CONCURRENT_MODIFICATION = "concurrent-modification";
    public static final String DUPLICATE = "duplicate";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String INTERNAL_ERROR = "internal-error";

    private ProblemTypes() {
    }

    /** The type URI of a slug. */
    public static URI of(String slug) {
        return URI.create(PREFIX + slug);
    }

    /**
     * The slug for a bare HTTP status, used when nothing more specific was chosen: the platform's own slug where it
     * has one (so a 413 is {@code payload-too-large} wherever it comes from), else one made from the reason phrase.
     */
    public static String slugFor(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 422 -> RULE_VIOLATION;
            case 429 -> TOO_MANY_REQUESTS;
            case 500 -> INTERNAL_ERROR;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield known == null ? "http-" + status : slugOf(known.getReasonPhrase());
            }
        };
    }

    /**
     * A slug made from an HTTP reason phrase, for statuses no handler names explicitly, e.g. "Method Not Allowed"
     * becomes {@code method-not-allowed}.
     */
    public static String slugOf(String reasonPhrase) {
        return reasonPhrase.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
