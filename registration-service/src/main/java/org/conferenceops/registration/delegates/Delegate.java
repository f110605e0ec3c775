package org.conferenceops.registration.delegates;

import java.time.Instant;
import java.util.List;
import org.conferenceops.events.registration.DelegateRegistered;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.platform.outbox.AggregateDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person registered for one conference by their delegation. One document per delegate; an e-mail address is
 * unique within a conference (a unique index enforces it even under concurrent registrations).
 */
@Document("delegates")
@CompoundIndex(name = "conference_email", def = "{'conferenceId': 1, 'email': 1}", unique = true)
public class Delegate extends AggregateDocument {

    @Id
    private final String id;
    private final String conferenceId;
    private final String delegationId;
    private final String givenName;
    private final String familyName;
    private final String email;
    private final UnLanguage preferredLanguage;
    private final DelegateStatus status;
    private final Instant registeredAt;

    @PersistenceCreator
    Delegate(String id, String conferenceId, String delegationId, String givenName, String familyName, String email,
            UnLanguage preferredLanguage, DelegateStatus status, Instant registeredAt) {
        this.id = id;
        this.conferenceId = conferenceId;
        this.delegationId = delegationId;
        this.givenName = givenName;
        this.familyName = familyName;
        this.email = email;
        this.preferredLanguage = preferredLanguage;
        this.status = status;
        this.registeredAt = registeredAt;
    }

    /** A newly registered delegate, pending accreditation, and the event that announces it. */
    static Registered register(String id, String conferenceId, String delegationId, String givenName,
            String familyName, String email, UnLanguage preferredLanguage, Instant now) {
        Delegate delegate = new Delegate(id, conferenceId, delegationId, givenName.strip(), familyName.strip(),
                email.strip().toLowerCase(java.util.Locale.ROOT), preferredLanguage, DelegateStatus.PENDING, now);
        return new Registered(delegate, List.of(new DelegateRegistered(id, conferenceId, delegationId,
                delegate.givenName, delegate.familyName, delegate.email, preferredLanguage, now)));
    }

    /** A delegate with the events its registration raised. */
    record Registered(Delegate delegate, List<DelegateRegistered> events) {
    }

    public String id() {
        return id;
    }

    public String conferenceId() {
        return conferenceId;
    }

    public String delegationId() {
        return delegationId;
    }

    public String givenName() {
        return givenName;
    }

    public String familyName() {
        return familyName;
    }

    public String email() {
        return email;
    }

    public UnLanguage preferredLanguage() {
        return preferredLanguage;
    }

    public DelegateStatus status() {
        return status;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
