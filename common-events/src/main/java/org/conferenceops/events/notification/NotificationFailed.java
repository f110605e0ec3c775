package org.conferenceops.events.notification;

import java.time.Instant;
import java.util.Objects;

/**
 * An attempt to deliver a notification failed.
 *
 * <p>Type {@code notification.NotificationFailed}, version 1, published by notification-service on
 * {@code conference-ops.notification}, key = {@code notificationId}. Published once per failed attempt;
 * {@code finalAttempt} tells whether more attempts follow.
 *
 * @param notificationId deterministic id of the (source event, recipient, channel) triple
 * @param sourceEventId  the id of the event the notification is about
 * @param recipientId    the recipient
 * @param channel        the channel that failed
 * @param reason         why, in words fit for an operator (never personal data)
 * @param attempt        1 for the first attempt
 * @param finalAttempt   true when no further attempt will be made
 * @param failedAt       when the attempt failed (UTC)
 */
public record NotificationFailed(String notificationId, String sourceEventId, String recipientId, Channel channel,
        String reason, int attempt, boolean finalAttempt, Instant failedAt) implements NotificationEvent {

    public NotificationFailed {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(failedAt, "failedAt");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1");
        }
    }

    @Override
    public String aggregateId() {
        return notificationId;
    }
}
