package org.conferenceops.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.conferenceops.events.notification.Channel;
import org.conferenceops.events.notification.NotificationDelivered;
import org.conferenceops.events.notification.NotificationFailed;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.platform.outbox.AggregateDocument;
import org.conferenceops.platform.problem.IllegalStateTransitionException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to one recipient on one channel about one event. Its id is derived from that triple, so however often
 * the event is delivered or replayed there is one notification, and once it is {@link NotificationStatus#SENT} it is
 * never sent again. Every outcome is kept here (the delivery log) and published.
 */
@Document("notifications")
public class Notification extends AggregateDocument {

    @Id
    private final String id;
    private final String sourceEventId;
    private final String recipientId;
    private final Channel channel;
    private final String kind;
    private NotificationStatus status;
    private @Nullable UnLanguage language;
    private boolean languageFallback;
    private int attempts;
    private final Instant createdAt;
    private @Nullable Instant sentAt;
    private @Nullable String lastError;

    @PersistenceCreator
    Notification(String id, String sourceEventId, String recipientId, Channel channel, String kind,
            NotificationStatus status, @Nullable UnLanguage language, boolean languageFallback, int attempts,
            Instant createdAt, @Nullable Instant sentAt, @Nullable String lastError) {
        this.id = id;
        this.sourceEventId = sourceEventId;
        this.recipientId = recipientId;
        this.channel = channel;
        this.kind = kind;
        this.status = status;
        this.language = language;
        this.languageFallback = languageFallback;
        this.attempts = attempts;
        this.createdAt = createdAt;
        this.sentAt = sentAt;
        this.lastError = lastError;
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

    static Notification queue(String sourceEventId, String recipientId, Channel channel, String kind, Instant now) {
        return new Notification(idFor(sourceEventId, recipientId, channel), sourceEventId, recipientId, channel, kind,
                NotificationStatus.QUEUED, null, false, 0, now, null, null);
    }

    /** The channel accepted it. */
    List<NotificationDelivered> sent(UnLanguage sentIn, boolean fallback, Instant now) {
        requireNotSent("mark as sent");
        attempts++;
        status = NotificationStatus.SENT;
        language = sentIn;
        languageFallback = fallback;
        sentAt = now;
        lastError = null;
        return List.of(new NotificationDelivered(id, sourceEventId, recipientId, channel, sentIn, fallback, now));
    }

    /** An attempt failed; {@code finalAttempt} when no retry will follow. */
    List<NotificationFailed> failed(String reason, boolean finalAttempt, Instant now) {
        requireNotSent("record a failure");
        attempts++;
        status = NotificationStatus.FAILED;
        lastError = reason;
        return List.of(new NotificationFailed(id, sourceEventId, recipientId, channel, reason, attempts, finalAttempt,
                now));
    }

    private void requireNotSent(String action) {
        if (status == NotificationStatus.SENT) {
            throw new IllegalStateTransitionException("notification", status.name(), action);
        }
    }

    public String id() {
        return id;
    }

    public String sourceEventId() {
        return sourceEventId;
    }

    public String recipientId() {
        return recipientId;
    }

    public Channel channel() {
        return channel;
    }

    public String kind() {
        return kind;
    }

    public NotificationStatus status() {
        return status;
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

    public @Nullable Instant sentAt() {
        return sentAt;
    }

    public @Nullable String lastError() {
        return lastError;
    }
}
