package org.conferenceops.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.conferenceops.events.notification.Channel;
import org.conferenceops.notification.templates.RenderedMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends rendered messages over SMTP as multipart plain text + HTML, marked with their language and carrying the
 * notification id, so that a receiving system can recognise a message sent again after a crash.
 */
@Component
class EmailChannel implements ChannelTransport {

    private final JavaMailSender mail;
    private final String from;

    EmailChannel(JavaMailSender mail, DeliverySettings settings) {
        this.mail = mail;
        this.from = settings.from();
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(OutboundMessage message) {
        RenderedMessage rendered = message.rendered();
        MimeMessage mime = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.route().address());
            helper.setSubject(rendered.subject());
            helper.setText(rendered.text(), rendered.html());
            for (RenderedMessage.Attachment attachment : rendered.attachments()) {
                helper.addAttachment(attachment.fileName(),
                        new org.springframework.core.io.ByteArrayResource(attachment.content()),
                        attachment.contentType());
            }
            mime.setHeader("Content-Language", rendered.language().code());
            mime.setHeader("X-Conference-Ops-Notification", message.notificationId());
        }
        catch (MessagingException e) {
            throw new DeliveryFailure("cannot build the message: " + e.getClass().getSimpleName(), true, e);
        }
        try {
            mail.send(mime);
        }
        catch (MailException e) {
            throw new DeliveryFailure("SMTP server did not accept the message: "
                    + e.getMostSpecificCause().getClass().getSimpleName(), false, e);
        }
    }
}
