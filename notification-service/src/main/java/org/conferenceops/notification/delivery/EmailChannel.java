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
 * Connections are kept open between batches (at most as many as hand-offs can run at once, each closed after
 * {@link #IDLE_LIMIT} unused): a stream of one-recipient messages — a confirmation per registration — opened and
 * closed a connection per message, 17,000 in a minute of the registration benchmark.
 */
@Component
class EmailChannel implements ChannelTransport, org.springframework.beans.factory.DisposableBean {

    /** How long an open connection may wait unused; well under the idle timeouts of SMTP servers (minutes). */
    static final java.time.Duration IDLE_LIMIT = java.time.Duration.ofSeconds(20);

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private final JavaMailSender mail;
    private final String from;
    private final int keptOpen;
    private final java.util.Deque<Idle> idle = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final java.util.concurrent.atomic.LongAdder opened = new java.util.concurrent.atomic.LongAdder();

    EmailChannel(JavaMailSender mail, DeliverySettings settings) {
        this.mail = mail;
        this.from = settings.from();
        this.keptOpen = Math.max(1, settings.connections() * settings.workers());
        nameStreamProvider();
    }

    private record Idle(Transport transport, long sinceNanos) {
    }

    /** SMTP connections opened so far (reused ones count once). */
    long connectionsOpened() {
        return opened.sum();
    }

    @Override
    public void destroy() {
        for (Idle unused = idle.pollFirst(); unused != null; unused = idle.pollFirst()) {
            close(unused.transport());
        }
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
     * kept), but reporting each message accepted before sending the next, on a connection kept from an earlier
     * batch when one is open; a connection lost midway (or while kept) is opened again.
     */
    private void sendOverOneConnection(JavaMailSenderImpl smtp, List<OutboundMessage> messages,
            List<MimeMessage> built, Consumer<OutboundMessage> accepted, Map<String, DeliveryFailure> failures) {
        Transport transport = borrow();
        boolean reusable = false;
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
            // kept only when the batch ran to its end: a caller that died in the callback leaves it closed
            reusable = true;
        }
        finally {
            if (reusable) {
                giveBack(transport);
            }
            else {
                close(transport);
            }
        }
    }

    /** A connection kept open by an earlier batch, the most recently used first; null when none is fit to use. */
    private @org.jspecify.annotations.Nullable Transport borrow() {
        long now = System.nanoTime();
        for (Idle kept = idle.pollFirst(); kept != null; kept = idle.pollFirst()) {
            if (now - kept.sinceNanos() < IDLE_LIMIT.toNanos()) {
                return kept.transport();
            }
            close(kept.transport());
        }
        return null;
    }

    /** Keeps a connection for the next batch, unless enough are kept already; closes the long-unused ones. */
    private void giveBack(@org.jspecify.annotations.Nullable Transport transport) {
        if (transport == null) {
            return;
        }
        long now = System.nanoTime();
        for (Idle oldest = idle.peekLast(); oldest != null && now - oldest.sinceNanos() >= IDLE_LIMIT.toNanos();
                oldest = idle.peekLast()) {
            if (idle.removeLastOccurrence(oldest)) {
                close(oldest.transport());
            }
        }
        if (idle.size() < keptOpen) {
            idle.offerFirst(new Idle(transport, now));
        }
        else {
            close(transport);
        }
    }

    private Transport connect(JavaMailSenderImpl smtp) throws MessagingException {
        String protocol = smtp.getProtocol() == null ? "smtp" : smtp.getProtocol();
        String username = smtp.getUsername() == null || smtp.getUsername().isEmpty() ? null : smtp.getUsername();
        String password = smtp.getPassword() == null || smtp.getPassword().isEmpty() ? null : smtp.getPassword();
        Transport transport = smtp.getSession().getTransport(protocol);
        transport.connect(smtp.getHost(), smtp.getPort(), username, password);
        opened.increment();
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
