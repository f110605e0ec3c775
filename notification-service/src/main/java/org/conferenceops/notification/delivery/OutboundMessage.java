package org.conferenceops.notification.delivery;

import java.time.Instant;
import java.util.Map;
import org.conferenceops.notification.templates.RenderedMessage;

/**
 * What a transport sends.
 *
 * @param notificationId the deterministic notification id (also the idempotency key receivers may use)
 * @param sourceEventId  the event the message is about
 * @param kind           the message kind, e.g. {@code accreditation-granted}
 * @param urgent         whether it bypasses quiet hours
 * @param route          recipient, channel and address
 * @param rendered       subject, text and HTML in the recipient's language
 * @param values         the machine-readable facts behind the message (no personal data), for webhooks
 * @param createdAt      when the notification was created
 */
public record OutboundMessage(String notificationId, String sourceEventId, String kind, boolean urgent, Route route,
        RenderedMessage rendered, Map<String, String> values, Instant createdAt) {
}
