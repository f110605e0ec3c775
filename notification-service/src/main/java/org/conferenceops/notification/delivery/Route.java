package org.conferenceops.notification.delivery;

import java.time.ZoneId;
import org.conferenceops.events.notification.Channel;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.notification.recipients.QuietHours;
import org.jspecify.annotations.Nullable;

/**
 * One way to reach one recipient: a notification is created per route and event.
 *
 * @param recipientId  who receives it (a delegate id, {@code fp:<delegationId>}, a subscription id)
 * @param channel      how
 * @param address      the e-mail address, phone number, delegate id (feed) or URL (webhook)
 * @param language     the language to write in
 * @param zone         the zone to show times and judge quiet hours in
 * @param quietHours   when non-urgent messages wait; null for never
 * @param displayName  how to address the recipient in a greeting
 * @param delegateId   the delegate the route belongs to, when it is a delegate's
 * @param delegationId the delegation the recipient belongs to, when known
 */
public record Route(String recipientId, Channel channel, String address, UnLanguage language, ZoneId zone,
        @Nullable QuietHours quietHours, String displayName, @Nullable String delegateId,
        @Nullable String delegationId) {
}
