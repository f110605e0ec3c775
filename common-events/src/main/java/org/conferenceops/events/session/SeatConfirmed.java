package org.conferenceops.events.session;

import java.time.Instant;
import java.util.Objects;

/**
 * An accredited delegate booked a seat in a session and got it at once.
 *
 * <p>Type {@code session.SeatConfirmed}, version 1, published by session-service on
 * {@code conference-ops.session}, key = {@code bookingId} (booking id).
 *
 * @param bookingId    the booking's id, {@code <sessionId>~<delegateId>}; the record key
 * @param sessionId    the session's id
 * @param conferenceId the conference (edition) id
 * @param delegateId   the delegate who holds the booking
 * @param delegationId the delegate's delegation
 * @param attendance   whether the seat is in the room or online
 * @param confirmedAt  when (UTC)
 */
public record SeatConfirmed(String bookingId, String sessionId, String conferenceId, String delegateId, String
        delegationId, Attendance attendance, Instant confirmedAt) implements SessionEvent {

    public SeatConfirmed {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(delegateId, "delegateId");
        Objects.requireNonNull(delegationId, "delegationId");
        Objects.requireNonNull(attendance, "attendance");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
    }

    @Override
    public String aggregateId() {
        return bookingId;
    }
}
