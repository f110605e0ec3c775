package org.conferenceops.notification.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notifications are delivered.
 *
 * @param from          the sender of e-mails
 * @param workers       fan-out worker threads (jobs progress in parallel, never on the consumer thread)
 * @param batchSize     targets a worker delivers per lease before moving the cursor
 * @param pollInterval  how often workers look for jobs and due retries when not woken
 * @param lease         how long a worker holds a job; a dead worker's job resumes after it
 * @param maxAttempts   attempts per notification before it fails for good
 * @param retryDelay    delay before the first retry; each next one doubles
 * @param maxRetryDelay the longest delay between retries
 * @param staleClaim    a notification handed off longer ago than this without an outcome was abandoned by a dead
 *                      worker: it is sent again under the same message id
 * @param connections   parallel hand-offs per batch and channel (SMTP connections for e-mail; a batch's channels go
 *                      at once); bounded, so that a fan-out leaves the SMTP server and the machine room for other work
 */
@ConfigurationProperties("conference-ops.notifications")
public record DeliverySettings(String from, @DefaultValue("2") int workers, @DefaultValue("500") int batchSize,
        @DefaultValue("250ms") Duration pollInterval, @DefaultValue("60s") Duration lease,
        @DefaultValue("6") int maxAttempts, @DefaultValue("30s") Duration retryDelay,
        @DefaultValue("30m") Duration maxRetryDelay, @DefaultValue("2m") Duration staleClaim,
        @DefaultValue("4") int connections) {

    /** The delay after the {@code attempts}-th failed attempt. */
    Duration backoff(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration delay = retryDelay.multipliedBy(factor);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
