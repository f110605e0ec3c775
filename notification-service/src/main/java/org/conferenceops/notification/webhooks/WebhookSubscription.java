package org.conferenceops.notification.webhooks;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.conferenceops.platform.ids.RandomIds;
import org.conferenceops.platform.problem.IllegalStateTransitionException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An organisation's endpoint that receives the messages concerning its delegation, signed with a secret only the
 * organisation and this service know. Consecutive failed attempts are counted; at the threshold the subscription
 * is suspended until its owner reactivates it.
 */
@Document("webhook_subscriptions")
class WebhookSubscription {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private final String id;
    @Version
    private @Nullable Long version;
    @org.springframework.data.mongodb.core.index.Indexed
    private final String delegationId;
    private final String url;
    private final String secret;
    private final String contactEmail;
    private final Set<String> kinds;
    private SubscriptionStatus status;
    private int consecutiveFailures;
    private int suspensions;
    private final Instant createdAt;
    private @Nullable Instant suspendedAt;

    @PersistenceCreator
    WebhookSubscription(String id, @Nullable Long version, String delegationId, String url, String secret,
            String contactEmail, Set<String> kinds, SubscriptionStatus status, int consecutiveFailures,
            int suspensions, Instant createdAt, @Nullable Instant suspendedAt) {
        this.id = id;
        this.version = version;
        this.delegationId = delegationId;
        this.url = url;
        this.secret = secret;
        this.contactEmail = contactEmail;
        this.kinds = Set.copyOf(kinds);
        this.status = status;
        this.consecutiveFailures = consecutiveFailures;
        this.suspensions = suspensions;
        this.createdAt = createdAt;
        this.suspendedAt = suspendedAt;
    }

    static WebhookSubscription create(String delegationId, String url, String contactEmail, Set<String> kinds,
            Instant now) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new WebhookSubscription("whs-" + RandomIds.next(), null, delegationId, url,
                "whsec_" + Base64.getEncoder().encodeToString(key), contactEmail, kinds, SubscriptionStatus.ACTIVE, 0,
                0, now, null);
    }

    /** Whether messages of this kind go to this subscription. */
    boolean wants(String kind) {
        return status == SubscriptionStatus.ACTIVE && (kinds.isEmpty() || kinds.contains(kind));
    }

    void delivered() {
        consecutiveFailures = 0;
    }

    /** Counts a failed attempt; true when this one suspended the subscription. */
    boolean attemptFailed(int suspendAfter, Instant now) {
        if (status == SubscriptionStatus.SUSPENDED) {
            return false;
        }
        consecutiveFailures++;
        if (consecutiveFailures < suspendAfter) {
            return false;
        }
        status = SubscriptionStatus.SUSPENDED;
        suspensions++;
        suspendedAt = now;
        return true;
    }

    void reactivate() {
        if (status == SubscriptionStatus.ACTIVE) {
            throw new IllegalStateTransitionException("webhook subscription", status.name(), "reactivate");
        }
        status = SubscriptionStatus.ACTIVE;
        consecutiveFailures = 0;
        suspendedAt = null;
    }

    String id() {
        return id;
    }

    String delegationId() {
        return delegationId;
    }

    String url() {
        return url;
    }

    String secret() {
        return secret;
    }

    String contactEmail() {
        return contactEmail;
    }

    Set<String> kinds() {
        return kinds;
    }

    SubscriptionStatus status() {
        return status;
    }

    int consecutiveFailures() {
        return consecutiveFailures;
    }

    int suspensions() {
        return suspensions;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Nullable Instant suspendedAt() {
        return suspendedAt;
    }
}
