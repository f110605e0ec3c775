package org.conferenceops.events.session;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An organiser scheduled a session: it is in the programme, open for booking and listed in calendars.
 *
 * <p>Type {@code session.SessionScheduled}, version 1, published by session-service on
 * {@code conference-ops.session}, key = {@code sessionId} (session id).
 *
 * @param sessionId       the session's id; the record key
 * @param conferenceId    the conference (edition) id
 * @param meetingId       the meeting (preparatory meeting or the ministerial) the session belongs to
 * @param track           the track, e.g. sustaining peace
 * @param title           the session's title
 * @param roomId          the room, null for a virtual session
 * @param mode            how it is held
 * @param virtualLink     the link to join online, null for an in-person session
 * @param startsAt        start (UTC)
 * @param endsAt          end (UTC)
 * @param timeZone        the meeting's IANA time zone, to show times locally
 * @param capacity        in-person seats (persons)
 * @param virtualCapacity online places (persons)
 * @param scheduledAt     when it was scheduled (UTC)
 */
public record SessionScheduled(String sessionId, String conferenceId, String meetingId, String track, String title,
        @Nullable String roomId, SessionMode mode, @Nullable String virtualLink, Instant startsAt, Instant endsAt,
        String timeZone, int capacity, int virtualCapacity, Instant scheduledAt) implements SessionEvent {

    public SessionScheduled {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(scheduledAt, "scheduledAt");
    }

    @Override
    public String aggregateId() {
        return sessionId;
    }
}
