package org.conferenceops.infra.mail;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every message the SMTP server accepted, in arrival order, converted once into an {@link InboxMessage}.
 * Recorded at delivery time, so one message sent to many recipients is one entry whose recipients are the
 * envelope's (Bcc included), not one copy per mailbox. Bodies are kept for the newest {@value #BODIES_KEPT}
 * messages only, headers for all: a benchmark sends tens of thousands of e-mails, and keeping every body made the
 * inbox the largest thing in the local stack's heap (~150 MB after 15,000 e-mails, most of its garbage-collection
 * time). At most the newest {@value #MESSAGES_KEPT} messages are kept at all: five minutes of the registration
 * benchmark send 180,000 e-mails, and their headers alone (~600 bytes each) helped run a 768 MiB heap out.
 */
final class Inbox {

    /** How many of the newest messages keep their bodies. */
    static final int BODIES_KEPT = 2_000;

    /** How many of the newest messages are kept; older ones are dropped a fiftieth at a time. */
    static final int MESSAGES_KEPT = 50_000;

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final List<InboxMessage> arrived = new ArrayList<>();
    // deliveries of one message to several recipients reach the hook once per recipient
    private final Map<MovingMessage, Boolean> recorded = new WeakHashMap<>();
    private long sequence;
    private boolean dropping;

    private final int messagesKept;

    Inbox() {
        this(MESSAGES_KEPT);
    }

    /** An inbox keeping at most the newest {@code messagesKept} messages. */
    Inbox(int messagesKept) {
        this.messagesKept = messagesKept;
    }

    synchronized void delivered(MovingMessage delivery) {
        if (recorded.put(delivery, Boolean.TRUE) != null) {
            return;
        }
        try {
            record(delivery.getMessage(), delivery.getToAddresses().stream().map(MailAddress::getEmail).toList());
        }
        catch (MessagingException | IOException | RuntimeException e) {
            log.warn("Could not read a received message for the inbox: {}", e.toString());
        }
    }

    /** Keeps one received message: the newest with its bodies, dropping the oldest beyond the limit. */
    synchronized void record(MimeMessage message, List<String> recipients) throws MessagingException, IOException {
        arrived.add(convert(Long.toString(++sequence), message, recipients));
        int oldestWithBodies = arrived.size() - 1 - BODIES_KEPT;
        if (oldestWithBodies >= 0) {
            arrived.set(oldestWithBodies, arrived.get(oldestWithBodies).headersOnly());
        }
        if (arrived.size() > messagesKept) {
            // in steps, so that dropping the oldest is not a shift of the whole list for every message
            arrived.subList(0, Math.max(1, messagesKept / 50)).clear();
            if (!dropping) {
                dropping = true;
                log.info("The inbox keeps the newest {} messages; older ones are dropped from now on", messagesKept);
            }
        }
    }

    /** Newest first. */
    synchronized List<InboxMessage> messages() {
        List<InboxMessage> newestFirst = new ArrayList<>(arrived);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    synchronized Optional<InboxMessage> find(String id) {
        return arrived.stream().filter(message -> message.id().equals(id)).findFirst();
    }

    synchronized void clear() {
        arrived.clear();
        recorded.clear();
    }

    static InboxMessage convert(String id, MimeMessage message, List<String> envelopeRecipients)
            throws MessagingException, IOException {
        Bodies bodies = new Bodies();
        bodies.collect(message);
        String language = message.getHeader("Content-Language", ",");
        Date sent = message.getSentDate();
        return new InboxMessage(
                id,
                firstAddress(message.getFrom()),
                envelopeRecipients.isEmpty() ? addresses(message.getAllRecipients()) : envelopeRecipients,
                message.getSubject(),
                sent == null ? null : sent.toInstant().toString(),
                baseType(message.getContentType()),
                bodies.text,
                bodies.html,
                language != null ? language : bodies.language,
                message.getMessageID());
    }

    private static @Nullable String firstAddress(Address @Nullable [] addresses) {
        List<String> all = addresses(addresses);
        return all.isEmpty() ? null : all.getFirst();
    }

    private static List<String> addresses(Address @Nullable [] addresses) {
        if (addresses == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (Address address : addresses) {
            result.add(address instanceof InternetAddress internet ? internet.getAddress() : address.toString());
        }
        return result;
    }

    private static @Nullable String baseType(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            return new ContentType(contentType).getBaseType().toLowerCase();
        }
        catch (MessagingException e) {
            return contentType;
        }
    }

    private static final class Bodies {

        private @Nullable String text;
        private @Nullable String html;
        private @Nullable String language;

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
                return;
            }
            if (part.isMimeType("text/plain") && text == null) {
                text = part.getContent().toString();
                rememberLanguage(part);
            }
            else if (part.isMimeType("text/html") && html == null) {
                html = part.getContent().toString();
                rememberLanguage(part);
            }
        }

        private void rememberLanguage(Part part) throws MessagingException {
            String[] values = part.getHeader("Content-Language");
            if (language == null && values != null && values.length > 0) {
                language = String.join(",", values);
            }
        }
    }
}
