package org.conferenceops.events.session;

import java.time.Instant;
import java.util.Objects;

/**
 * An organiser changed a session's in-person or online capacity; before and after are both given. A reduction
 * waitlists the latest confirmed seats beyond it; an increase promotes from the waitlist.
 *
 * <p>Type {@code session.SessionCapacityChanged}, version 1, published by session-service on
 * {@code conference-ops.session}, key = {@code sessionId} (session id).
 *
 * @param sessionId        the session's id
 * @param conferenceId     the conference (edition) id
 * @param changeVersion    the session's schedule version after this change, counting from 1 at scheduling; an iCalendar
 *                         SEQUENCE
 * @param attendance       whether the seat is in the room or online
 * @param previousCapacity places before (persons)
 * @param capacity         places after (persons)
 * @param changedAt        when the change was made (UTC)
 */
public record SessionCapacityChanged(String sessionId, String conferenceId, int changeVersion, Attendance attendance,
        int previousCapacity, int capacity, Instant changedAt) implements SessionEvent {

    public SessionCapacityChanged {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(attendance, "attendance");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    @Override
    public String aggregateId() {
        return sessionId;
    }
}
