package org.conferenceops.events.session;

import java.time.Instant;
import java.util.Objects;

/**
 * An organiser cancelled a session; final for the session. Bookings are kept as they were (calendars show the
 * session as cancelled).
 *
 * <p>Type {@code session.SessionCancelled}, version 1, published by session-service on
 * {@code conference-ops.session}, key = {@code sessionId} (session id).
 *
 * @param sessionId     the session's id
 * @param conferenceId  the conference (edition) id
 * @param changeVersion the session's schedule version after this change, counting from 1 at scheduling; an iCalendar
 *                      SEQUENCE
 * @param reason        why, in words for delegates
 * @param cancelledAt   when it was cancelled (UTC)
 */
public record SessionCancelled(String sessionId, String conferenceId, int changeVersion, String reason, Instant
        cancelledAt) implements SessionEvent {

    public SessionCancelled {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
    }

    @Override
    public String aggregateId() {
        return sessionId;
    }
}
