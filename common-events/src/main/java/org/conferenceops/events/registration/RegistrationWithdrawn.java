package org.conferenceops.events.registration;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A delegate's registration was withdrawn by an organiser, or the delegate was substituted by another person. Seats
 * the delegate held elsewhere should be released; a badge the delegate held is revoked (a {@code BadgeRevoked}
 * precedes this event on the same key).
 *
 * <p>Type {@code registration.RegistrationWithdrawn}, version 1, published by registration-service on
 * {@code conference-ops.registration}, key = {@code delegateId}. Final for this delegate.
 *
 * @param delegateId           the withdrawn delegate's id
 * @param conferenceId         the conference (edition) id
 * @param delegationId         the delegation the delegate belonged to
 * @param reason               why, in words for operators
 * @param substituteDelegateId the delegate who takes this one's place, when it was a substitution; null otherwise
 * @param withdrawnAt          when the withdrawal was recorded (UTC)
 */
public record RegistrationWithdrawn(String delegateId, String conferenceId, String delegationId, String reason,
        @Nullable String substituteDelegateId, Instant withdrawnAt) implements RegistrationEvent {

    public RegistrationWithdrawn {
        Objects.requireNonNull(delegateId, "delegateId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(delegationId, "delegationId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(withdrawnAt, "withdrawnAt");
    }

    @Override
    public String aggregateId() {
        return delegateId;
    }
}
