package org.conferenceops.events.notification;

import java.time.Instant;
import java.util.Objects;

/**
 * A notification its channel had accepted was later reported undeliverable by the receiving side (an e-mail
 * bounce, an SMS delivery report). Final for the notification.
 *
 * <p>Type {@code notification.NotificationBounced}, version 1, published by notification-service on
 * {@code conference-ops.notification}, key = {@code notificationId}. Follows a {@code NotificationDelivered} of the
 * same key; published at most once per notification.
 *
 * @param notificationId deterministic id of the (source event, recipient, channel) triple
 * @param sourceEventId  the id of the event the notification is about
 * @param recipientId    the recipient
 * @param channel        the channel that bounced
 * @param reason         why, in words fit for an operator (never personal data)
 * @param bouncedAt      when the bounce was recorded (UTC)
 * @since 1
 */
public record NotificationBounced(String notificationId, String sourceEventId, String recipientId, Channel channel,
        String reason, Instant bouncedAt) implements NotificationEvent {

    public NotificationBounced {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(bouncedAt, "bouncedAt");
    }

    @Override
    public String aggregateId() {
        return notificationId;
    }
}
