package org.conferenceops.events.registration;

import java.time.Instant;
import java.util.Objects;

/**
 * An accredited delegate was issued a badge (a signed QR payload). At most one badge of a delegate is valid at a
 * time.
 *
 * <p>Type {@code registration.BadgeIssued}, version 1, published by registration-service on
 * {@code conference-ops.registration}, key = {@code delegateId} (the badge belongs to the delegate's aggregate, so
 * issue and revocation arrive in order).
 *
 * @param delegateId   the badge holder's id
 * @param conferenceId the conference (edition) id
 * @param delegationId the delegation the holder belongs to
 * @param badgeId      the badge's id, printed in the QR payload
 * @param category     the accreditation category printed on the badge
 * @param issuedAt     when the badge was issued (UTC)
 */
public record BadgeIssued(String delegateId, String conferenceId, String delegationId, String badgeId,
        AccreditationCategory category, Instant issuedAt) implements RegistrationEvent {

    public BadgeIssued {
        Objects.requireNonNull(delegateId, "delegateId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(delegationId, "delegationId");
        Objects.requireNonNull(badgeId, "badgeId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    @Override
    public String aggregateId() {
        return delegateId;
    }
}
