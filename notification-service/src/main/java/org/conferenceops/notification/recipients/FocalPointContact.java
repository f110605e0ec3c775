package org.conferenceops.notification.recipients;

import java.time.Instant;
import org.conferenceops.events.shared.UnLanguage;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How to reach the focal point of a delegation. {@code registration.DelegationRegistered} carries no contact, so the
 * focal point (or an organiser) gives it here.
 */
@Document("focal_points")
public class FocalPointContact {

    @Id
    private final String delegationId;
    @Version
    private @Nullable Long version;
    private String name;
    private String email;
    private UnLanguage language;
    private Instant updatedAt;

    @PersistenceCreator
    FocalPointContact(String delegationId, @Nullable Long version, String name, String email, UnLanguage language,
            Instant updatedAt) {
        this.delegationId = delegationId;
        this.version = version;
        this.name = name;
        this.email = email;
        this.language = language;
        this.updatedAt = updatedAt;
    }

    static FocalPointContact of(String delegationId, String name, String email, UnLanguage language, Instant now) {
        return new FocalPointContact(delegationId, null, name, email, language, now);
    }

    void change(String name, String email, UnLanguage language, Instant now) {
        this.name = name;
        this.email = email;
        this.language = language;
        this.updatedAt = now;
    }

    public String delegationId() {
        return delegationId;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public UnLanguage language() {
        return language;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
