package org.conferenceops.notification.recipients;

import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.platform.messaging.AppliedEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A delegate as notification-service knows them: contact, language, and which events built this record. */
@Document("recipients")
public class Recipient {

    @Id
    private final String delegateId;
    @Version
    private Long version;
    private String conferenceId;
    private String delegationId;
    private String givenName;
    private String familyName;
    private String email;
    private UnLanguage language;
    private AppliedEvents appliedEvents;

    @PersistenceCreator
    Recipient(String delegateId, String conferenceId, String delegationId, String givenName, String familyName,
            String email, UnLanguage language, AppliedEvents appliedEvents) {
        this.delegateId = delegateId;
        this.conferenceId = conferenceId;
        this.delegationId = delegationId;
        this.givenName = givenName;
        this.familyName = familyName;
        this.email = email;
        this.language = language;
        this.appliedEvents = appliedEvents;
    }

    /** A recipient not yet known from any event. */
    static Recipient unknown(String delegateId) {
        return new Recipient(delegateId, "", "", "", "", "", UnLanguage.UNKNOWN, AppliedEvents.none());
    }

    void registered(String conferenceId, String delegationId, String givenName, String familyName, String email,
            UnLanguage language, AppliedEvents applied) {
        this.conferenceId = conferenceId;
        this.delegationId = delegationId;
        this.givenName = givenName;
        this.familyName = familyName;
        this.email = email;
        this.language = language;
        this.appliedEvents = applied;
    }

    public String delegateId() {
        return delegateId;
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

    public UnLanguage language() {
        return language;
    }

    public AppliedEvents appliedEvents() {
        return appliedEvents;
    }
}
