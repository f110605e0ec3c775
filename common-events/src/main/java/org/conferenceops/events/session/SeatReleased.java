package org.conferenceops.events.session;

import java.time.Instant;
import java.util.Objects;

/**
 * A booking was released: cancelled by the delegate, or because the delegate's registration was withdrawn or their
 * data erased. A seat it held goes to the first on the waitlist (WaitlistPromoted).
 *
 * <p>Type {@code session.SeatReleased}, version 1, published by session-service on
 * {@code conference-ops.session}, key = {@code bookingId} (booking id).
 *
 * @param bookingId    the booking's id, {@code <sessionId>~<delegateId>}; the record key
 * @param sessionId    the session's id
 * @param conferenceId the conference (edition) id
 * @param delegateId   the delegate who holds the booking
 * @param delegationId the delegate's delegation
 * @param attendance   whether the seat is in the room or online
 * @param heldSeat     true if it held a confirmed seat, false if it was waitlisted
 * @param reason       why
 * @param releasedAt   when (UTC)
 */
public record SeatReleased(String bookingId, String sessionId, String conferenceId, String delegateId, String
        delegationId, Attendance attendance, boolean heldSeat, ReleaseReason reason, Instant releasedAt) implements
        SessionEvent {

    public SeatReleased {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(delegateId, "delegateId");
        Objects.requireNonNull(delegationId, "delegationId");
        Objects.requireNonNull(attendance, "attendance");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(releasedAt, "releasedAt");
    }

    @Override
    public String aggregateId() {
        return bookingId;
    }
}
