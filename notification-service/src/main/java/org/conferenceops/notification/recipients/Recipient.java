package org.conferenceops.notification.recipients;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.conferenceops.events.registration.AccreditationCategory;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.platform.messaging.AppliedEvents;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A delegate as notification-service knows them: contact, language, time zone, accreditation standing, their own
 * delivery preferences, and which events built this record. Erasure removes every personal field for good.
 */
@Document("recipients")
public class Recipient {

    @Id
    private final String delegateId;
    @Version
    private @Nullable Long version;
    private String conferenceId;
    private String delegationId;
    private String givenName;
    private String familyName;
    private @Nullable String email;
    private UnLanguage language;
    private @Nullable String timeZone;
    private RecipientStatus status;
    private @Nullable AccreditationCategory category;
    private Preferences preferences;
    private AppliedEvents appliedEvents;

    @PersistenceCreator
    Recipient(String delegateId, @Nullable Long version, String conferenceId, String delegationId, String givenName,
            String familyName, @Nullable String email, UnLanguage language, @Nullable String timeZone,
            @Nullable RecipientStatus status, @Nullable AccreditationCategory category,
            @Nullable Preferences preferences, AppliedEvents appliedEvents) {
        this.delegateId = delegateId;
        this.version = version;
        this.conferenceId = conferenceId;
        this.delegationId = delegationId;
        this.givenName = givenName;
        this.familyName = familyName;
        this.email = email;
        this.language = language;
        this.timeZone = timeZone;
        this.status = status == null ? RecipientStatus.REGISTERED : status;
        this.category = category;
        this.preferences = preferences == null ? Preferences.defaults() : preferences;
        this.appliedEvents = appliedEvents;
    }

    /** A recipient not yet known from any event. */
    static Recipient unknown(String delegateId) {
        return new Recipient(delegateId, null, "", "", "", "", null, UnLanguage.UNKNOWN, null,
                RecipientStatus.REGISTERED, null, Preferences.defaults(), AppliedEvents.none());
    }

    void registered(String conferenceId, String delegationId, String givenName, String familyName, String email,
            UnLanguage language, AppliedEvents applied) {
        requireNotErased();
        this.conferenceId = conferenceId;
        this.delegationId = delegationId;
        this.givenName = givenName;
        this.familyName = familyName;
        this.email = email;
        this.language = language;
        this.appliedEvents = applied;
    }

    /** Contact details changed upstream: the event carries the current values, not a diff. */
    void updated(String conferenceId, String delegationId, String givenName, String familyName, String email,
            UnLanguage language, @Nullable String timeZone, AppliedEvents applied) {
        registered(conferenceId, delegationId, givenName, familyName, email, language, applied);
        this.timeZone = timeZone;
    }

    void standing(RecipientStatus status, @Nullable AccreditationCategory category, AppliedEvents applied) {
        this.status = status;
        if (category != null) {
            this.category = category;
        }
        this.appliedEvents = applied;
    }

    void prefer(Preferences preferences) {
        requireNotErased();
        this.preferences = preferences;
    }

    /** Forgets every personal field; ids, conference, delegation and standing stay. Idempotent. */
    void erase(AppliedEvents applied) {
        givenName = "";
        familyName = "";
        email = null;
        timeZone = null;
        preferences = Preferences.defaults();
        status = RecipientStatus.ERASED;
        appliedEvents = applied;
    }

    private void requireNotErased() {
        if (status == RecipientStatus.ERASED) {
            throw new org.conferenceops.platform.problem.IllegalStateTransitionException("recipient", status.name(),
                    "store personal data");
        }
    }

    /** The language to write in: the delegate's own choice in preferences, else the one registered. */
    public UnLanguage effectiveLanguage() {
        return preferences.language() != null ? preferences.language() : language;
    }

    /** The zone to show times and judge quiet hours in: preferences, else registration, else UTC. */
    public ZoneId effectiveZone() {
        String zone = preferences.timeZone() != null ? preferences.timeZone() : timeZone;
        return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
    }

    public boolean erased() {
        return status == RecipientStatus.ERASED;
    }

    public String displayName() {
        return (givenName + " " + familyName).strip();
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

    public @Nullable String email() {
        return email;
    }

    public UnLanguage language() {
        return language;
    }

    public @Nullable String timeZone() {
        return timeZone;
    }

    public RecipientStatus status() {
        return status;
    }

    public @Nullable AccreditationCategory category() {
        return category;
    }

    public Preferences preferences() {
        return preferences;
    }

    public AppliedEvents appliedEvents() {
        return appliedEvents;
    }
}
