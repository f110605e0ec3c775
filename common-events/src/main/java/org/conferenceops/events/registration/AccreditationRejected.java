package org.conferenceops.events.registration;

import java.time.Instant;
import java.util.Objects;

/**
 * An organiser rejected a delegate's accreditation. Final for this registration.
 *
 * <p>Type {@code registration.AccreditationRejected}, version 1, published by registration-service on
 * {@code conference-ops.registration}, key = {@code delegateId}.
 *
 * @param delegateId   the delegate's id
 * @param conferenceId the conference (edition) id
 * @param delegationId the delegation the delegate belongs to
 * @param reason       why, as the organiser wrote it for the delegation (never an identity document number)
 * @param rejectedAt   when the decision was recorded (UTC)
 */
public record AccreditationRejected(String delegateId, String conferenceId, String delegationId, String reason,
        Instant rejectedAt) implements RegistrationEvent {

    public AccreditationRejected {
        Objects.requireNonNull(delegateId, "delegateId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(delegationId, "delegationId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rejectedAt, "rejectedAt");
    }

    @Override
    public String aggregateId() {
        return delegateId;
    }
}
