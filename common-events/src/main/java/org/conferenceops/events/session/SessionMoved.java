package org.conferenceops.events.session;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An organiser moved a session to another room; before and after are both given. When the new room is smaller, the
 * latest confirmed seats beyond its capacity are waitlisted (each with its own SeatWaitlisted, reason
 * CAPACITY_REDUCED).
 *
 * <p>Type {@code session.SessionMoved}, version 1, published by session-service on
 * {@code conference-ops.session}, key = {@code sessionId} (session id).
 *
 * @param sessionId        the session's id
 * @param conferenceId     the conference (edition) id
 * @param changeVersion    the session's schedule version after this change, counting from 1 at scheduling; an iCalendar
 *                         SEQUENCE
 * @param previousRoomId   the room before the change, null if it had none
 * @param roomId           the new room
 * @param previousCapacity in-person seats before (persons)
 * @param capacity         in-person seats after (persons)
 * @param changedAt        when the change was made (UTC)
 */
public record SessionMoved(String sessionId, String conferenceId, int changeVersion, @Nullable String previousRoomId,
        String roomId, int previousCapacity, int capacity, Instant changedAt) implements SessionEvent {

    public SessionMoved {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    @Override
    public String aggregateId() {
        return sessionId;
    }
}
