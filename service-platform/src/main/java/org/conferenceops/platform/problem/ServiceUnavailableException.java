package org.conferenceops.platform.problem;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * 503: the service cannot accept the request right now and stored nothing (rule 6); answered with
 * {@code Retry-After} so the client retries instead of giving up.
 */
public class ServiceUnavailableException extends ProblemException {

    private final Duration retryAfter;

    public ServiceUnavailableException(String detail, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE, "Service unavailable", detail);
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
