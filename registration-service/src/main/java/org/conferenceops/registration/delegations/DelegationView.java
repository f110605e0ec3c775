package org.conferenceops.registration.delegations;

import java.time.Instant;
import org.conferenceops.events.registration.DelegationKind;
import org.jspecify.annotations.Nullable;

/**
 * A delegation with its seat counts, as organisers and its own focal point see it.
 *
 * @param headOfDelegationId the head of delegation's delegate id, when registered
 */
public record DelegationView(String id, String conferenceId, DelegationKind kind, String code, String name,
        @Nullable FocalPointView focalPoint, @Nullable String headOfDelegationId, long representatives,
        long alternates, long advisers, Instant registeredAt) {

    /** The focal point's contact. */
    public record FocalPointView(String name, String email) {
    }

    static DelegationView of(Delegation d) {
        FocalPoint fp = d.focalPoint();
        return new DelegationView(d.id(), d.conferenceId(), d.kind(), d.code(), d.name(),
                fp == null ? null : new FocalPointView(fp.name(), fp.email()), d.headOfDelegation().orElse(null),
                d.count(DelegationRole.HEAD) + d.count(DelegationRole.REPRESENTATIVE),
                d.count(DelegationRole.ALTERNATE), d.count(DelegationRole.ADVISER), d.registeredAt());
    }
}
