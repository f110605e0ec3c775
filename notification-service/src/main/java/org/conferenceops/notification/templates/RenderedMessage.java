package org.conferenceops.notification.templates;

import org.conferenceops.events.shared.UnLanguage;

/**
 * A message ready to send.
 *
 * @param language the language it is written in
 * @param fallback true when the recipient's language had no template and English was used instead
 * @param subject  subject line
 * @param text     plain-text body
 * @param html     HTML body ({@code dir="rtl"} for Arabic)
 */
public record RenderedMessage(UnLanguage language, boolean fallback, String subject, String text, String html) {
}
