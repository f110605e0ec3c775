package org.conferenceops.events.session;

import java.time.Instant;
import java.util.Objects;

/**
 * A booking went on the session's waitlist: the session was full when it was requested, or its capacity was reduced
 * and this seat was among the latest confirmed.
 *
 * <p>Type {@code session.SeatWaitlisted}, version 1, published by session-service on
 * {@code conference-ops.session}, key = {@code bookingId} (booking id).
 *
 * @param bookingId    the booking's id, {@code <sessionId>~<delegateId>}; the record key
 * @param sessionId    the session's id
 * @param conferenceId the conference (edition) id
 * @param delegateId   the delegate who holds the booking
 * @param delegationId the delegate's delegation
 * @param attendance   whether the seat is in the room or online
 * @param position     the position on the waitlist when it joined, from 1
 * @param reason       why
 * @param waitlistedAt when (UTC)
 */
public record SeatWaitlisted(String bookingId, String sessionId, String conferenceId, String delegateId, String
        delegationId, Attendance attendance, int position, WaitlistReason reason, Instant waitlistedAt) implements
        SessionEvent {

    public SeatWaitlisted {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(delegateId, "delegateId");
        Objects.requireNonNull(delegationId, "delegationId");
        Objects.requireNonNull(attendance, "attendance");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(waitlistedAt, "waitlistedAt");
    }

    @Override
    public String aggregateId() {
        return bookingId;
    }
}
