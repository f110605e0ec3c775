package org.conferenceops.notification.delivery;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.conferenceops.events.notification.Channel;
import org.conferenceops.notification.templates.RenderedMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends rendered messages over SMTP as multipart plain text + HTML, marked with their language. The Message-ID is
 * derived from the notification id ({@code <ntf-…@conference-ops>}), so a message sent again after a crash carries the
 * same Message-ID as the first and a receiving system can drop the repeat; {@code X-Conference-Ops-Notification}
 * carries the bare notification id. A batch goes over one SMTP connection, and each message is reported accepted as
 * soon as the server took it, before the next is sent (so a crash leaves at most that one message unrecorded).
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
        DeliveryFailure failure = sendAll(List.of(message), accepted -> { }).get(message.notificationId());
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public Map<String, DeliveryFailure> sendAll(List<OutboundMessage> messages, Consumer<OutboundMessage> accepted) {
        Map<String, DeliveryFailure> failures = new HashMap<>();
        List<OutboundMessage> sendable = new ArrayList<>(messages.size());
        List<MimeMessage> built = new ArrayList<>(messages.size());
        for (OutboundMessage message : messages) {
            try {
                built.add(build(message));
                sendable.add(message);
            }
            catch (MessagingException e) {
                failures.put(message.notificationId(), new DeliveryFailure("cannot build the message: "
                        + e.getClass().getSimpleName(), true, e));
            }
        }
        if (built.isEmpty()) {
            return failures;
        }
        if (mail instanceof JavaMailSenderImpl smtp) {
            sendOverOneConnection(smtp, sendable, built, accepted, failures);
        }
        else {
            // another sender (a test double): no connection to hold, one message per call
            for (int i = 0; i < built.size(); i++) {
                try {
                    mail.send(built.get(i));
                }
                catch (MailSendException e) {
                    Exception cause = e.getFailedMessages().values().stream().findFirst().orElse(e);
                    failures.put(sendable.get(i).notificationId(), refused(cause));
                    continue;
                }
                catch (MailException e) {
                    failures.put(sendable.get(i).notificationId(), refused(e));
                    continue;
                }
                accepted.accept(sendable.get(i));
            }
        }
        return failures;
    }

    /**
     * What {@link JavaMailSenderImpl#send(MimeMessage...)} does (one connection for all, the Message-ID set here
     * kept), but reporting each message accepted before sending the next; a connection lost midway is opened again.
     */
    private static void sendOverOneConnection(JavaMailSenderImpl smtp, List<OutboundMessage> messages,
            List<MimeMessage> built, Consumer<OutboundMessage> accepted, Map<String, DeliveryFailure> failures) {
        Transport transport = null;
        try {
            for (int i = 0; i < built.size(); i++) {
                MimeMessage mime = built.get(i);
                try {
                    if (transport == null || !transport.isConnected()) {
                        close(transport);
                        transport = connect(smtp);
                    }
                    if (mime.getSentDate() == null) {
                        mime.setSentDate(new Date());
                    }
                    String messageId = mime.getMessageID();
                    mime.saveChanges();
                    if (messageId != null) {
                        mime.setHeader("Message-ID", messageId);
                    }
                    transport.sendMessage(mime, mime.getAllRecipients());
                }
                catch (MessagingException e) {
                    failures.put(messages.get(i).notificationId(), refused(e));
                    continue;
                }
                accepted.accept(messages.get(i));
            }
        }
        finally {
            close(transport);
        }
    }

    private static Transport connect(JavaMailSenderImpl smtp) throws MessagingException {
        String protocol = smtp.getProtocol() == null ? "smtp" : smtp.getProtocol();
        String username = smtp.getUsername() == null || smtp.getUsername().isEmpty() ? null : smtp.getUsername();
        String password = smtp.getPassword() == null || smtp.getPassword().isEmpty() ? null : smtp.getPassword();
        Transport transport = smtp.getSession().getTransport(protocol);
        transport.connect(smtp.getHost(), smtp.getPort(), username, password);
        return transport;
    }

    private static void close(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        }
        catch (MessagingException alreadyGone) {
            // the messages were accepted or reported failed already; a failed QUIT changes neither
        }
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
