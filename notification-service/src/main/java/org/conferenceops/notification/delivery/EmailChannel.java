package org.conferenceops.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.conferenceops.notification.templates.RenderedMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends rendered messages over SMTP as multipart plain text + HTML, marked with their language. */
@Component
class EmailChannel {

    private final JavaMailSender mail;
    private final String from;

    EmailChannel(JavaMailSender mail, @Value("${conference-ops.notifications.from}") String from) {
        this.mail = mail;
        this.from = from;
    }

    /** Hands the message to the SMTP server; throws {@code MailException} if it does not accept it. */
    void send(String notificationId, String to, RenderedMessage message) {
        MimeMessage mime = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(message.subject());
            helper.setText(message.text(), message.html());
            mime.setHeader("Content-Language", message.language().code());
            mime.setHeader("X-Conference-Ops-Notification", notificationId);
        }
        catch (MessagingException e) {
            throw new MailPreparationException("cannot build message " + notificationId, e);
        }
        mail.send(mime);
    }
}
