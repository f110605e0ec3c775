package org.conferenceops.session.agenda;

import java.time.Instant;
import java.util.List;
import org.conferenceops.events.IntegrationEvent;
import org.conferenceops.platform.outbox.AggregateDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A delegate's subscription to their personal calendar feed: one per delegate (id = delegate id), holding only the
 * SHA-256 of the secret token in the feed's URL, so that a copy of the database does not open anybody's feed.
 * Rotating replaces the hash (the old URL stops working); revoking deletes the document. Raises no events.
 */
@Document("calendar_subscriptions")
class CalendarSubscription extends AggregateDocument {

    @Id
    private final String delegateId;
    @Indexed(unique = true)
    private String tokenHash;
    private Instant issuedAt;
    private int rotations;

    @PersistenceCreator
    CalendarSubscription(String delegateId, String tokenHash, Instant issuedAt, int rotations) {
        this.delegateId = delegateId;
        this.tokenHash = tokenHash;
        this.issuedAt = issuedAt;
        this.rotations = rotations;
    }

    static CalendarSubscription issue(String delegateId, String tokenHash, Instant now) {
        return new CalendarSubscription(delegateId, tokenHash, now, 0);
    }

    /** A new token replaces the old one. */
    List<IntegrationEvent> rotate(String newTokenHash, Instant now) {
        tokenHash = newTokenHash;
        issuedAt = now;
        rotations++;
        return List.of();
    }

    String delegateId() {
        return delegateId;
    }

    String tokenHash() {
        return tokenHash;
    }

    Instant issuedAt() {
        return issuedAt;
    }

    int rotations() {
        return rotations;
    }
}
