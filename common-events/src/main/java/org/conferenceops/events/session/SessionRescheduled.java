package org.conferenceops.events.session;

import java.time.Instant;
import java.util.Objects;

/**
 * An organiser moved a session to another time; before and after are both given.
 *
 * <p>Type {@code session.SessionRescheduled}, version 1, published by session-service on
 * {@code conference-ops.session}, key = {@code sessionId} (session id).
 *
 * @param sessionId        the session's id
 * @param conferenceId     the conference (edition) id
 * @param changeVersion    the session's schedule version after this change, counting from 1 at scheduling; an iCalendar
 *                         SEQUENCE
 * @param previousStartsAt start before the change (UTC)
 * @param previousEndsAt   end before the change (UTC)
 * @param startsAt         new start (UTC)
 * @param endsAt           new end (UTC)
 * @param changedAt        when the change was made (UTC)
 */
public record SessionRescheduled(String sessionId, String conferenceId, int changeVersion, Instant previousStartsAt,
        Instant previousEndsAt, Instant startsAt, Instant endsAt, Instant changedAt) implements SessionEvent {

    public SessionRescheduled {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(previousStartsAt, "previousStartsAt");
        Objects.requireNonNull(previousEndsAt, "previousEndsAt");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    @Override
    public String aggregateId() {
        return sessionId;
    }
}
