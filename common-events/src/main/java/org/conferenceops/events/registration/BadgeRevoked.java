package org.conferenceops.events.registration;

import java.time.Instant;
import java.util.Objects;

/**
 * A badge was revoked: door scanners refuse it from now on.
 *
 * <p>Type {@code registration.BadgeRevoked}, version 1, published by registration-service on
 * {@code conference-ops.registration}, key = {@code delegateId}.
 *
 * @param delegateId   the badge holder's id
 * @param conferenceId the conference (edition) id
 * @param badgeId      the revoked badge
 * @param reason       why, in words for operators (e.g. "registration withdrawn", "badge lost")
 * @param revokedAt    when the badge was revoked (UTC)
 */
public record BadgeRevoked(String delegateId, String conferenceId, String badgeId, String reason, Instant revokedAt)
        implements RegistrationEvent {

    public BadgeRevoked {
        Objects.requireNonNull(delegateId, "delegateId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(badgeId, "badgeId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    @Override
    public String aggregateId() {
        return delegateId;
    }
}
