package org.conferenceops.notification.templates;

import java.util.List;
import org.conferenceops.events.shared.UnLanguage;

/**
 * A message ready to send.
 *
 * @param language    the language it is written in
 * @param fallback    true when the recipient's language had no template and English was used instead
 * @param subject     subject line
 * @param text        plain-text body
 * @param html        HTML body ({@code dir="rtl"} for Arabic)
 * @param attachments files sent along by e-mail (e.g. an iCalendar invitation)
 */
public record RenderedMessage(UnLanguage language, boolean fallback, String subject, String text, String html,
        List<Attachment> attachments) {

    public RenderedMessage {
        attachments = List.copyOf(attachments);
    }

    public RenderedMessage(UnLanguage language, boolean fallback, String subject, String text, String html) {
        this(language, fallback, subject, text, html, List.of());
    }

    /**
     * A file attached to an e-mail.
     *
     * @param fileName    e.g. {@code session.ics}
     * @param contentType e.g. {@code text/calendar; method=REQUEST; charset=UTF-8}
     * @param content     the bytes
     */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
