package org.conferenceops.notification.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.conferenceops.events.notification.Channel;
import org.conferenceops.notification.templates.RenderedMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends rendered messages over SMTP as multipart plain text + HTML, marked with their language. The Message-ID is
 * derived from the notification id ({@code <ntf-…@conference-ops>}), so a message sent again after a crash carries the
 * same Message-ID as the first and a receiving system can drop the repeat; {@code X-Conference-Ops-Notification}
 * carries the bare notification id. A batch goes over one SMTP connection.
 */
@Component
class EmailChannel implements ChannelTransport {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private final JavaMailSender mail;
    private final String from;

    EmailChannel(JavaMailSender mail, DeliverySettings settings) {
        this.mail = mail;
        this.from = settings.from();
        nameStreamProvider();
    }

    /**
     * Jakarta Mail 2.1 looks its stream provider up with a ServiceLoader scan of the class path on every encoding
     * step of every message (a sixth of the CPU of a 10,000-recipient fan-out when measured); naming the provider
     * in the system property it checks first turns that into a cheap reflective instantiation.
     */
    private static void nameStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER) != null) {
            return;
        }
        try {
            Class.forName(ANGUS_STREAM_PROVIDER, false, EmailChannel.class.getClassLoader());
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
        catch (ClassNotFoundException anotherImplementation) {
            // another Jakarta Mail implementation: leave its lookup alone
        }
    }

    /** The Message-ID of every e-mail about a notification, whichever attempt sends it. */
    static String messageId(String notificationId) {
        return "<" + notificationId + "@conference-ops>";
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(OutboundMessage message) {
        DeliveryFailure failure = sendAll(List.of(message)).get(message.notificationId());
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public Map<String, DeliveryFailure> sendAll(List<OutboundMessage> messages) {
        Map<String, DeliveryFailure> failures = new HashMap<>();
        Map<MimeMessage, String> notificationOf = new IdentityHashMap<>();
        List<MimeMessage> built = new ArrayList<>(messages.size());
        for (OutboundMessage message : messages) {
            try {
                MimeMessage mime = build(message);
                built.add(mime);
                notificationOf.put(mime, message.notificationId());
            }
            catch (MessagingException e) {
                failures.put(message.notificationId(), new DeliveryFailure("cannot build the message: "
                        + e.getClass().getSimpleName(), true, e));
            }
        }
        if (built.isEmpty()) {
            return failures;
        }
        try {
            // one connection for the whole batch; Spring keeps the Message-ID set here
            mail.send(built.toArray(MimeMessage[]::new));
        }
        catch (MailSendException e) {
            Map<Object, Exception> refused = e.getFailedMessages();
            if (refused.isEmpty()) {
                built.forEach(m -> failures.put(notificationOf.get(m), refused(e)));
            }
            refused.forEach((m, cause) -> {
                String id = m instanceof MimeMessage mime ? notificationOf.get(mime) : null;
                if (id != null) {
                    failures.put(id, refused(cause));
                }
            });
        }
        catch (MailException e) {
            built.forEach(m -> failures.put(notificationOf.get(m), refused(e)));
        }
        return failures;
    }

    private MimeMessage build(OutboundMessage message) throws MessagingException {
        RenderedMessage rendered = message.rendered();
        MimeMessage mime = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(message.route().address());
        helper.setSubject(rendered.subject());
        helper.setText(rendered.text(), rendered.html());
        for (RenderedMessage.Attachment attachment : rendered.attachments()) {
            helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                    attachment.contentType());
        }
        mime.setHeader("Content-Language", rendered.language().code());
        mime.setHeader("X-Conference-Ops-Notification", message.notificationId());
        mime.setHeader("Message-ID", messageId(message.notificationId()));
        return mime;
    }

    private static DeliveryFailure refused(Exception cause) {
        Throwable specific = cause instanceof MailException mailException ? mailException.getMostSpecificCause()
                : cause;
        return new DeliveryFailure("SMTP server did not accept the message: " + specific.getClass().getSimpleName(),
                false, cause);
    }
}
