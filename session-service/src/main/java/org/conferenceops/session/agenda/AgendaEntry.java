package org.conferenceops.session.agenda;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.conferenceops.events.session.Attendance;
import org.conferenceops.events.session.SessionMode;
import org.conferenceops.session.programme.SessionStatus;
import org.conferenceops.session.seats.BookingStatus;
import org.jspecify.annotations.Nullable;

/**
 * One session of a personal agenda.
 *
 * @param sessionId        the session
 * @param uid              the iCalendar UID of the session, the same in every feed and e-mail
 * @param booking          CONFIRMED or WAITLISTED
 * @param waitlistPosition live position on the waitlist (1 = next), 0 when confirmed
 * @param attendance       in the room or online
 * @param sessionStatus    SCHEDULED or CANCELLED (a cancelled session stays on the agenda until the booking goes)
 * @param changeVersion    the session's schedule version (the iCalendar SEQUENCE)
 * @param startsAt         start in UTC
 * @param endsAt           end in UTC
 * @param timeZone         the meeting's (conference's) zone, e.g. Asia/Seoul
 * @param localStart       start in the meeting's zone
 * @param localEnd         end in the meeting's zone
 * @param delegateTimeZone the delegate's zone ({@code ?tz=}), or null when not given
 * @param delegateStart    start in the delegate's zone, or null
 * @param delegateEnd      end in the delegate's zone, or null
 * @param roomId           the room, or null for a virtual session
 * @param roomName         the room's name, or null
 * @param virtualLink      the link to join online, or null for an in-person session
 * @param overlapsWith     the delegate's other agenda sessions at overlapping times (cancelled sessions excluded)
 */
public record AgendaEntry(String sessionId, String uid, String conferenceId, String title, String track,
        BookingStatus booking, int waitlistPosition, Attendance attendance, SessionStatus sessionStatus,
        int changeVersion, SessionMode mode, Instant startsAt, Instant endsAt, String timeZone,
        LocalDateTime localStart, LocalDateTime localEnd, @Nullable String delegateTimeZone,
        @Nullable LocalDateTime delegateStart, @Nullable LocalDateTime delegateEnd, @Nullable String roomId,
        @Nullable String roomName, @Nullable String virtualLink, List<String> overlapsWith) {
}
