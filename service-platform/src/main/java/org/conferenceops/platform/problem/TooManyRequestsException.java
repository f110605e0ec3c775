package org.conferenceops.platform.problem;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/** 429: the caller is over a rate or quota; answered with {@code Retry-After}. */
public class TooManyRequestsException extends ProblemException {

    private final Duration retryAfter;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS, "Too many requests", detail);
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
