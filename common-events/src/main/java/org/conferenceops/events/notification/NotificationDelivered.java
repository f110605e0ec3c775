package org.conferenceops.events.notification;

import java.time.Instant;
import java.util.Objects;
import org.conferenceops.events.shared.UnLanguage;

/**
 * A notification was handed to its channel: accepted by the SMTP server, by a webhook endpoint (2xx), by the SMS
 * provider, or written to the recipient's live feed.
 *
 * <p>Type {@code notification.NotificationDelivered}, version 1, published by notification-service on
 * {@code conference-ops.notification}, key = {@code notificationId}. Published at most once per notification.
 *
 * @param notificationId   deterministic id of the (source event, recipient, channel) triple
 * @param sourceEventId    the id of the event the notification is about
 * @param recipientId      the recipient (a delegate id or a subscription id)
 * @param channel          how it was delivered
 * @param language         the language of the content sent
 * @param languageFallback true when the recipient's language had no template and English was sent instead
 * @param deliveredAt      when the channel accepted it (UTC)
 */
public record NotificationDelivered(String notificationId, String sourceEventId, String recipientId, Channel channel,
        UnLanguage language, boolean languageFallback, Instant deliveredAt) implements NotificationEvent {

    public NotificationDelivered {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
    }

    @Override
    public String aggregateId() {
        return notificationId;
    }
}
