package org.conferenceops.infra.mail;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One message received by the {@link MailServer}, as the inbox shows it and serves it as JSON.
 *
 * @param id the inbox's id for the message, unique until the inbox is cleared and never reused
 * @param from the sender's address, e.g. {@code noreply@conference-ops.example}
 * @param to the recipients' addresses (To, Cc and any Bcc the sender left in the headers)
 * @param subject the decoded subject
 * @param date the {@code Date} header as an ISO-8601 instant, e.g. {@code 2026-11-22T09:15:00Z}
 * @param contentType the top-level media type without parameters, e.g. {@code multipart/alternative}
 * @param textBody the first {@code text/plain} part that is not an attachment; null for a message older than the
 *        inbox's newest {@value Inbox#BODIES_KEPT} (only their headers are kept)
 * @param htmlBody the first {@code text/html} part that is not an attachment; null like {@code textBody}
 * @param language the {@code Content-Language} header of the message or, failing that, of its first text part
 * @param messageId the {@code Message-ID} header as sent, e.g. {@code <ntf-…@conference-ops>}: a message sent again
 *        after a crash carries the Message-ID of the first, so two entries with one Message-ID are one message
 *        that arrived twice (a receiving system drops the second), two Message-IDs are two messages
 */
public record InboxMessage(
        String id,
        @Nullable String from,
        List<String> to,
        @Nullable String subject,
        @Nullable String date,
        @Nullable String contentType,
        @Nullable String textBody,
        @Nullable String htmlBody,
        @Nullable String language,
        @Nullable String messageId) {

    /** Copies the recipients so the record stays immutable. */
    public InboxMessage {
        to = List.copyOf(to);
    }

    /** The same message with its bodies dropped, as the inbox keeps all but its newest messages. */
    InboxMessage headersOnly() {
        return new InboxMessage(id, from, to, subject, date, contentType, null, null, language, messageId);
    }

    /** Whether {@code address} is one of the recipients, ignoring case. */
    public boolean isAddressedTo(String address) {
        return to.stream().anyMatch(recipient -> recipient.equalsIgnoreCase(address.strip()));
    }
}
