package org.conferenceops.platform.problem;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A refusal a service means to give: the platform renders it as {@code application/problem+json} with its status,
 * type ({@link ProblemTypes}), title, detail and extra properties, and never logs it as an error. Throw one of the
 * subclasses; extend this only for a status none of them covers.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;

    protected ProblemException(HttpStatus status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    /** The HTTP status of the answer. */
    public HttpStatus status() {
        return status;
    }

    /** The slug of the problem type. */
    public String slug() {
        return slug;
    }

    /** A short summary that is the same for every occurrence of this type. */
    public String title() {
        return title;
    }

    /** The explanation of this occurrence, meant for the client. */
    public String detail() {
        String message = getMessage();
        return message == null ? title : message;
    }

    /** Extension members added to the problem body. */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** How long the client should wait before retrying, sent as {@code Retry-After}; none by default. */
    public @Nullable Duration retryAfter() {
        return null;
    }
}
