package org.conferenceops.pledge.delegations;

import java.time.Instant;
import org.conferenceops.events.registration.DelegationKind;
import org.conferenceops.platform.messaging.AppliedEvents;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A delegation as pledge-service knows it from {@code registration.DelegationRegistered}: ids, kind and code only.
 * No personal data: the focal point is whoever holds a token for the delegation id, and is not stored.
 */
@Document("known_delegations")
class KnownDelegation {

    @Id
    private final String delegationId;
    @Version
    private @Nullable Long version;
    private final String conferenceId;
    private final DelegationKind kind;
    private final String code;
    private final String name;
    private final Instant registeredAt;
    private final AppliedEvents appliedEvents;

    @PersistenceCreator
    KnownDelegation(String delegationId, @Nullable Long version, String conferenceId, DelegationKind kind,
            String code, String name, Instant registeredAt, AppliedEvents appliedEvents) {
        this.delegationId = delegationId;
        this.version = version;
        this.conferenceId = conferenceId;
        this.kind = kind;
        this.code = code;
        this.name = name;
        this.registeredAt = registeredAt;
        this.appliedEvents = appliedEvents;
    }

    static KnownDelegation registered(String delegationId, String conferenceId, DelegationKind kind, String code,
            String name, Instant registeredAt, AppliedEvents applied) {
        return new KnownDelegation(delegationId, null, conferenceId, kind, code, name, registeredAt, applied);
    }

    /** The same delegation with a replayed or corrected registration applied on top. */
    KnownDelegation reregistered(String conferenceId, DelegationKind kind, String code, String name,
            Instant registeredAt, AppliedEvents applied) {
        return new KnownDelegation(delegationId, version, conferenceId, kind, code, name, registeredAt, applied);
    }

    Delegations.Delegation view() {
        return new Delegations.Delegation(delegationId, conferenceId, kind, code, name);
    }

    AppliedEvents appliedEvents() {
        return appliedEvents;
    }
}
