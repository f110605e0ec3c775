package org.conferenceops.events.registration;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A delegate entered the venue: the first valid scan of their badge on a conference day. Later scans the same day
 * (at any entrance, on any device) publish nothing.
 *
 * <p>Type {@code registration.DelegateCheckedIn}, version 1, published by registration-service on
 * {@code conference-ops.registration}, key = {@code checkInId} (one per delegate and day).
 *
 * @param checkInId    deterministic id of (badge, conference day)
 * @param delegateId   the badge holder
 * @param conferenceId the conference (edition) id
 * @param delegationId the delegation the holder belongs to
 * @param day          the conference day in the conference's time zone, ISO-8601 date ({@code 2025-05-13})
 * @param entrance     the entrance scanned at, as configured for the venue (e.g. {@code north-gate})
 * @param deviceId     the scanner that recorded the entry; null when not reported
 * @param scannedAt    when the badge was scanned (UTC), which for an offline scanner precedes publication
 */
public record DelegateCheckedIn(String checkInId, String delegateId, String conferenceId, String delegationId,
        String day, String entrance, @Nullable String deviceId, Instant scannedAt) implements RegistrationEvent {

    public DelegateCheckedIn {
        Objects.requireNonNull(checkInId, "checkInId");
        Objects.requireNonNull(delegateId, "delegateId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(delegationId, "delegationId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(entrance, "entrance");
        Objects.requireNonNull(scannedAt, "scannedAt");
    }

    @Override
    public String aggregateId() {
        return checkInId;
    }
}
