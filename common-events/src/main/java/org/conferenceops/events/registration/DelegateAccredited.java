package org.conferenceops.events.registration;

import java.time.Instant;
import java.util.Objects;

/**
 * An organiser accredited a delegate: from now on the delegate may get a badge, book sessions and pledge for their
 * delegation.
 *
 * <p>Type {@code registration.DelegateAccredited}, version 1, published by registration-service on
 * {@code conference-ops.registration}, key = {@code delegateId}. Published once per delegate (accreditation is
 * final unless the registration is withdrawn). No personal data beyond the id.
 *
 * @param delegateId   the delegate's id
 * @param conferenceId the conference (edition) id
 * @param delegationId the delegation the delegate belongs to
 * @param category     the accreditation category
 * @param vip          true for heads of state or government and ministers (protocol handling)
 * @param accreditedAt when the decision was recorded (UTC)
 */
public record DelegateAccredited(String delegateId, String conferenceId, String delegationId,
        AccreditationCategory category, boolean vip, Instant accreditedAt) implements RegistrationEvent {

    public DelegateAccredited {
        Objects.requireNonNull(delegateId, "delegateId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(delegationId, "delegationId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(accreditedAt, "accreditedAt");
    }

    @Override
    public String aggregateId() {
        return delegateId;
    }
}
