package org.conferenceops.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.conferenceops.events.notification.Channel;
import org.conferenceops.events.notification.NotificationBounced;
import org.conferenceops.events.notification.NotificationDelivered;
import org.conferenceops.events.notification.NotificationFailed;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.platform.outbox.AggregateDocument;
import org.conferenceops.platform.problem.IllegalStateTransitionException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to one recipient on one channel about one event. Its id is derived from that triple, so however often
 * the event is delivered or replayed there is one notification, and once it is {@link NotificationStatus#SENT} it is
 * never sent again. Every step is kept here (the delivery log) and every outcome is published.
 */
@Document("notifications")
// the retry sweep (few unfinished among many sent) and the delivery log's filters (delegate, delegation, session, event)
@CompoundIndex(name = "status_updated", def = "{'status': 1, 'updatedAt': 1}")
@CompoundIndex(name = "delegate_created", def = "{'delegateId': 1, 'createdAt': 1}")
@CompoundIndex(name = "session_created", def = "{'sessionId': 1, 'createdAt': 1}")
@CompoundIndex(name = "delegation_created", def = "{'delegationId': 1, 'createdAt': 1}")
@CompoundIndex(name = "source_event", def = "{'sourceEventId': 1}")
public class Notification extends AggregateDocument {

    private static final int HISTORY = 20;

    @Id
    private final String id;
    private final String sourceEventId;
    private final String jobId;
    private final String recipientId;
    private final Target target;
    private final @Nullable String delegateId;
    private final @Nullable String delegationId;
    private final @Nullable String sessionId;
    private final String conferenceId;
    private final Channel channel;
    private final String kind;
    private final boolean urgent;
    private NotificationStatus status;
    private boolean finalFailure;
    private @Nullable UnLanguage language;
    private boolean languageFallback;
    private int attempts;
    private final Instant createdAt;
    private Instant updatedAt;
    private @Nullable Instant notBefore;
    private @Nullable Instant sentAt;
    private @Nullable String lastError;
    private @Nullable String address;
    private boolean addressErased;
    private List<DeliveryStep> history;

    @PersistenceCreator
    Notification(String id, String sourceEventId, String jobId, String recipientId, Target target,
            @Nullable String delegateId, @Nullable String delegationId, @Nullable String sessionId,
            String conferenceId, Channel channel, String kind, boolean urgent, NotificationStatus status,
            boolean finalFailure, @Nullable UnLanguage language, boolean languageFallback, int attempts,
            Instant createdAt, Instant updatedAt, @Nullable Instant notBefore, @Nullable Instant sentAt,
            @Nullable String lastError, @Nullable String address, boolean addressErased,
            @Nullable List<DeliveryStep> history) {
        this.id = id;
        this.sourceEventId = sourceEventId;
        this.jobId = jobId;
        this.recipientId = recipientId;
        this.target = target;
        this.delegateId = delegateId;
        this.delegationId = delegationId;
        this.sessionId = sessionId;
        this.conferenceId = conferenceId;
        this.channel = channel;
        this.kind = kind;
        this.urgent = urgent;
        this.status = status;
        this.finalFailure = finalFailure;
        this.language = language;
        this.languageFallback = languageFallback;
        this.attempts = attempts;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.notBefore = notBefore;
        this.sentAt = sentAt;
        this.lastError = lastError;
        this.address = address;
        this.addressErased = addressErased;
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
    }

    /** The deterministic id of the notification about an event, for a recipient, on a channel. */
    public static String idFor(String sourceEventId, String recipientId, Channel channel) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((sourceEventId + '|' + recipientId + '|' + channel).getBytes(StandardCharsets.UTF_8));
            return "ntf-" + HexFormat.of().formatHex(digest, 0, 16);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * A new notification, recorded as handed to its channel before the hand-off ({@link NotificationStatus#SENDING}),
     * or deferred to the end of the recipient's quiet hours when {@code quietUntil} is given.
     */
    static Notification create(FanOutJob job, Target target, Route route, @Nullable Instant quietUntil,
            Instant now) {
        Notification created = new Notification(idFor(job.deliveryKey(), route.recipientId(), route.channel()),
                job.deliveryKey(), job.id(), route.recipientId(), target, route.delegateId(),
                route.delegationId() != null ? route.delegationId() : job.delegationId(), job.sessionId(),
                job.conferenceId(), route.channel(), job.kind(), job.urgent(), NotificationStatus.QUEUED, false, null,
                false, 0, now, now, null, null, null, route.address(), false, List.of());
        created.step(now, NotificationStatus.QUEUED, null);
        if (quietUntil != null) {
            created.deferUntil(quietUntil, now);
        }
        else {
            created.status = NotificationStatus.SENDING;
            created.step(now, NotificationStatus.SENDING, "handed to " + route.channel());
        }
        return created;
    }

    /** Waits for the end of quiet hours; nothing is published. */
    List<NotificationFailed> deferUntil(Instant until, Instant now) {
        requireOpen("defer");
        status = NotificationStatus.DEFERRED;
        notBefore = until;
        step(now, status, "quiet hours until " + until);
        return List.of();
    }

    /**
     * Claims a due retry, a deferred delivery or a hand-off a dead worker left unfinished for an attempt (recorded
     * as a hand-off, so that no other worker makes it too).
     *
     * @return true when the previous hand-off never got its outcome stored: the message is sent again under the same
     *         id, and the log says "retried after crash"
     */
    boolean claim(Instant now) {
        requireOpen("retry");
        boolean afterCrash = status == NotificationStatus.SENDING || status == NotificationStatus.QUEUED;
        status = NotificationStatus.SENDING;
        updatedAt = now;
        notBefore = null;
        step(now, status, afterCrash ? "retried after crash" : attempts > 0 ? "retry " + (attempts + 1) : null);
        return afterCrash;
    }

    /** The channel accepted it. */
    List<NotificationDelivered> sent(UnLanguage sentIn, boolean fallback, Instant now) {
        requireOpen("mark as sent");
        attempts++;
        status = NotificationStatus.SENT;
        language = sentIn;
        languageFallback = fallback;
        sentAt = now;
        lastError = null;
        notBefore = null;
        step(now, status, fallback ? "English sent: no template in the recipient's language" : null);
        return List.of(new NotificationDelivered(id, sourceEventId, recipientId, channel, sentIn, fallback, now));
    }

    /** An attempt failed; {@code retryAt} is null when no retry will follow. */
    List<NotificationFailed> failed(String reason, @Nullable Instant retryAt, Instant now) {
        requireOpen("record a failure");
        attempts++;
        status = NotificationStatus.FAILED;
        finalFailure = retryAt == null;
        notBefore = retryAt;
        lastError = reason;
        step(now, status, reason);
        return List.of(new NotificationFailed(id, sourceEventId, recipientId, channel, reason, attempts, finalFailure,
                now));
    }

    /** Fails for good without an attempt (the recipient can no longer be reached on this channel). */
    List<NotificationFailed> abandoned(String reason, Instant now) {
        return failed(reason, null, now);
    }

    /** The receiving side reported the sent message undeliverable. */
    List<NotificationBounced> bounced(String reason, Instant now) {
        if (status != NotificationStatus.SENT) {
            throw new IllegalStateTransitionException("notification", status.name(), "record a bounce");
        }
        status = NotificationStatus.BOUNCED;
        lastError = reason;
        step(now, status, reason);
        return List.of(new NotificationBounced(id, sourceEventId, recipientId, channel, reason, now));
    }

    private void requireOpen(String action) {
        if (status == NotificationStatus.SENT || status == NotificationStatus.BOUNCED
                || status == NotificationStatus.FAILED && finalFailure) {
            throw new IllegalStateTransitionException("notification", status.name(), action);
        }
    }

    private void step(Instant now, NotificationStatus reached, @Nullable String detail) {
        updatedAt = now;
        history.add(new DeliveryStep(now, reached, detail));
        while (history.size() > HISTORY) {
            history.removeFirst();
        }
    }

    /** Whether nothing more will happen to it. */
    public boolean settled() {
        return status == NotificationStatus.SENT || status == NotificationStatus.BOUNCED
                || status == NotificationStatus.FAILED && finalFailure;
    }

    public String id() {
        return id;
    }

    public String sourceEventId() {
        return sourceEventId;
    }

    String jobId() {
        return jobId;
    }

    public String recipientId() {
        return recipientId;
    }

    public Target target() {
        return target;
    }

    public @Nullable String delegateId() {
        return delegateId;
    }

    public @Nullable String delegationId() {
        return delegationId;
    }

    public @Nullable String sessionId() {
        return sessionId;
    }

    public String conferenceId() {
        return conferenceId;
    }

    public Channel channel() {
        return channel;
    }

    public String kind() {
        return kind;
    }

    public boolean urgent() {
        return urgent;
    }

    public NotificationStatus status() {
        return status;
    }

    public boolean finalFailure() {
        return finalFailure;
    }

    public @Nullable UnLanguage language() {
        return language;
    }

    public boolean languageFallback() {
        return languageFallback;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public @Nullable Instant notBefore() {
        return notBefore;
    }

    public @Nullable Instant sentAt() {
        return sentAt;
    }

    public @Nullable String lastError() {
        return lastError;
    }

    public @Nullable String address() {
        return address;
    }

    public boolean addressErased() {
        return addressErased;
    }

    public List<DeliveryStep> history() {
        return List.copyOf(history);
    }
}
