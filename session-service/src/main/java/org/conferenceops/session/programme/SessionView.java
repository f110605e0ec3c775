package org.conferenceops.session.programme;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.conferenceops.events.session.SessionMode;
import org.jspecify.annotations.Nullable;

/**
 * A session as clients see it: times in UTC and in the meeting's zone, and the schedule version (raised by every
 * change).
 */
public record SessionView(String id, String conferenceId, String meetingId, String track, String title,
        List<String> chairs, @Nullable String roomId, SessionMode mode, @Nullable String virtualLink, Instant startsAt,
        Instant endsAt, String timeZone, LocalDateTime localStart, LocalDateTime localEnd, int capacity,
        int virtualCapacity, SessionStatus status, int changeVersion, @Nullable String cancellationReason) {

    public static SessionView of(Session s) {
        ZoneId zone = ZoneId.of(s.timeZone());
        return new SessionView(s.id(), s.conferenceId(), s.meetingId(), s.track(), s.title(), s.chairs(), s.roomId(),
                s.mode(), s.virtualLink(), s.startsAt(), s.endsAt(), s.timeZone(),
                LocalDateTime.ofInstant(s.startsAt(), zone), LocalDateTime.ofInstant(s.endsAt(), zone), s.capacity(),
                s.virtualCapacity(), s.status(), s.changeVersion(), s.cancellationReason());
    }
}
