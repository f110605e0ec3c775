package org.conferenceops.events.session;

import java.time.Instant;
import java.util.Objects;

/**
 * A seat was released (or capacity added) and the first booking on the waitlist got it.
 *
 * <p>Type {@code session.WaitlistPromoted}, version 1, published by session-service on
 * {@code conference-ops.session}, key = {@code bookingId} (booking id).
 *
 * @param bookingId    the booking's id, {@code <sessionId>~<delegateId>}; the record key
 * @param sessionId    the session's id
 * @param conferenceId the conference (edition) id
 * @param delegateId   the delegate who holds the booking
 * @param delegationId the delegate's delegation
 * @param attendance   whether the seat is in the room or online
 * @param promotedAt   when (UTC)
 */
public record WaitlistPromoted(String bookingId, String sessionId, String conferenceId, String delegateId, String
        delegationId, Attendance attendance, Instant promotedAt) implements SessionEvent {

    public WaitlistPromoted {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(delegateId, "delegateId");
        Objects.requireNonNull(delegationId, "delegationId");
        Objects.requireNonNull(attendance, "attendance");
        Objects.requireNonNull(promotedAt, "promotedAt");
    }

    @Override
    public String aggregateId() {
        return bookingId;
    }
}
