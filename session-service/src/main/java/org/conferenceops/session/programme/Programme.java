package org.conferenceops.session.programme;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.conferenceops.events.session.Attendance;
import org.conferenceops.events.session.SessionEvent;
import org.conferenceops.events.session.SessionMode;
import org.conferenceops.platform.ids.RandomIds;
import org.conferenceops.platform.outbox.EventOutbox;
import org.conferenceops.platform.problem.ConflictException;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.NotFoundException;
import org.conferenceops.platform.problem.RuleViolationException;
import org.conferenceops.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Managing the programme (organisers only) and reading it (everyone signed in). Each change is one write of one
 * document with its event; conflicts are refused with a 422 naming the conflicting session. Rooms and chairs are
 * taken in their ledgers (one conditional write each) before the session is written, so that two organisers
 * scheduling into the same slot at the same moment cannot both succeed.
 */
@Service
public class Programme {

    private final MeetingRepository meetings;
    private final RoomRepository rooms;
    private final SessionRepository sessions;
    private final ScheduleLedgers ledgers;
    private final EventOutbox outbox;
    // a provider, because the seat keeper reads sessions through this class
    private final ObjectProvider<SeatCapacity> seats;
    private final Clock clock;

    Programme(MeetingRepository meetings, RoomRepository rooms, SessionRepository sessions, ScheduleLedgers ledgers,
            EventOutbox outbox, ObjectProvider<SeatCapacity> seats, Clock clock) {
        this.meetings = meetings;
        this.rooms = rooms;
        this.sessions = sessions;
        this.ledgers = ledgers;
        this.outbox = outbox;
        this.seats = seats;
        this.clock = clock;
    }

    Meeting createMeeting(CurrentUser caller, String conferenceId, ProgrammeRequests.CreateMeeting request) {
        requireOrganizer(caller);
        if (request.lastDay().isBefore(request.firstDay())) {
            throw new RuleViolationException("meeting-days", new FieldViolation("lastDay", "before-first-day",
                    "the last day must not be before the first day"));
        }
        try {
            java.time.ZoneId.of(request.timeZone());
        }
        catch (java.time.DateTimeException e) {
            throw new RuleViolationException("time-zone", new FieldViolation("timeZone", "unknown-zone",
                    "not an IANA time zone: " + request.timeZone()));
        }
        Meeting meeting = new Meeting(request.id(), conferenceId, request.title(), request.city(), request.mode(),
                request.firstDay(), request.lastDay(), request.timeZone());
        try {
            return outbox.save(meeting, List.of());
        }
        catch (DuplicateKeyException e) {
            throw new ConflictException("meeting " + request.id() + " exists already");
        }
    }

    Room createRoom(CurrentUser caller, String conferenceId, ProgrammeRequests.CreateRoom request) {
        requireOrganizer(caller);
        try {
            return outbox.save(new Room(request.id(), conferenceId, request.name(), request.capacity()), List.of());
        }
        catch (DuplicateKeyException e) {
            throw new ConflictException("room " + request.id() + " exists already");
        }
    }

    Session schedule(CurrentUser caller, String conferenceId, ProgrammeRequests.ScheduleSession request) {
        requireOrganizer(caller);
        return schedule("ses-" + RandomIds.next(), conferenceId, request);
    }

    /** Schedules under a given id; also used by the demo programme, whose ids are stable. */
    Session schedule(String sessionId, String conferenceId, ProgrammeRequests.ScheduleSession request) {
        Meeting meeting = meetings.findById(request.meetingId()).filter(m -> m.conferenceId().equals(conferenceId))
                .orElseThrow(() -> new RuleViolationException("unknown-meeting", new FieldViolation("meetingId",
                        "unknown", "no meeting " + request.meetingId() + " in conference " + conferenceId)));
        Room room = request.roomId() == null ? null : room(conferenceId, request.roomId());
        int capacity = inPersonCapacity(request, room);
        List<String> chairs = request.chairs() == null ? List.of() : List.copyOf(request.chairs());
        List<Session> others = sessions.findByConferenceIdOrderByStartsAt(conferenceId);
        // the read check names every conflict it sees; the ledgers then take the slots race-free (ADR 021)
        ScheduleConflicts.check(null, meeting, request.roomId(), chairs, request.startsAt(), request.endsAt(), others);
        Session.Scheduled scheduled = Session.schedule(sessionId, meeting, new Session.Plan(request.track(),
                request.title(), chairs, request.roomId(), request.mode(), request.virtualLink(), request.startsAt(),
                request.endsAt(), capacity, request.virtualCapacity()), clock.instant());
        ScheduleLedgers.Reservation reservation = ledgers.reserve(conferenceId, sessionId,
                ScheduleResource.of(conferenceId, request.roomId(), chairs), request.startsAt(), request.endsAt(),
                others);
        return saveHolding(reservation, scheduled.session(), scheduled.events(), List.of());
    }

    Session reschedule(CurrentUser caller, String sessionId, ProgrammeRequests.Reschedule request) {
        requireOrganizer(caller);
        Session session = session(sessionId);
        Meeting meeting = meetings.findById(session.meetingId()).orElseThrow();
        List<Session> others = sessions.findByConferenceIdOrderByStartsAt(session.conferenceId());
        ScheduleConflicts.check(sessionId, meeting, session.roomId(), session.chairs(), request.startsAt(),
                request.endsAt(), others);
        List<ScheduleResource> used = resourcesOf(session);
        List<SessionEvent> events = session.reschedule(request.startsAt(), request.endsAt(), clock.instant());
        ScheduleLedgers.Reservation reservation = ledgers.reserve(session.conferenceId(), sessionId, used,
                request.startsAt(), request.endsAt(), others);
        return saveHolding(reservation, session, events, used);
    }

    Session move(CurrentUser caller, String sessionId, ProgrammeRequests.Move request) {
        requireOrganizer(caller);
        Session session = session(sessionId);
        Room room = room(session.conferenceId(), request.roomId());
        Meeting meeting = meetings.findById(session.meetingId()).orElseThrow();
        List<Session> others = sessions.findByConferenceIdOrderByStartsAt(session.conferenceId());
        ScheduleConflicts.check(sessionId, meeting, room.id(), session.chairs(), session.startsAt(),
                session.endsAt(), others);
        List<ScheduleResource> used = resourcesOf(session);
        List<SessionEvent> events = session.moveTo(room, clock.instant());
        ScheduleLedgers.Reservation reservation = ledgers.reserve(session.conferenceId(), sessionId,
                List.of(ScheduleResource.room(room.id())), session.startsAt(), session.endsAt(), others);
        Session saved = saveHolding(reservation, session, events, used);
        if (!events.isEmpty()) {
            seats.getObject().capacityChanged(sessionId, Attendance.IN_PERSON, saved.capacity());
        }
        return saved;
    }

    Session changeMode(CurrentUser caller, String sessionId, ProgrammeRequests.ChangeMode request) {
        requireOrganizer(caller);
        Session session = session(sessionId);
        if (request.mode() != SessionMode.IN_PERSON && (request.virtualLink() == null
                || request.virtualLink().isBlank())) {
            throw new RuleViolationException("virtual-link-required", new FieldViolation("virtualLink", "required",
                    "a " + request.mode() + " session needs a virtual link"));
        }
        if (request.mode() == SessionMode.UNKNOWN) {
            throw new RuleViolationException("mode", new FieldViolation("mode", "unknown", "unknown mode"));
        }
        String link = request.mode() == SessionMode.IN_PERSON ? null : request.virtualLink();
        return outbox.save(session, session.changeMode(request.mode(), link, clock.instant()));
    }

    Session changeCapacity(CurrentUser caller, String sessionId, ProgrammeRequests.ChangeCapacity request) {
        requireOrganizer(caller);
        Session session = session(sessionId);
        if (request.attendance() == Attendance.IN_PERSON && session.roomId() != null) {
            Room room = room(session.conferenceId(), session.roomId());
            if (request.capacity() > room.capacity()) {
                throw new RuleViolationException("room-capacity", new FieldViolation("capacity", "exceeds-room",
                        "room " + room.id() + " seats " + room.capacity()));
            }
        }
        List<SessionEvent> events = session.changeCapacity(request.attendance(), request.capacity(), clock.instant());
        Session saved = outbox.save(session, events);
        if (!events.isEmpty()) {
            seats.getObject().capacityChanged(sessionId, request.attendance(), request.capacity());
        }
        return saved;
    }

    Session cancel(CurrentUser caller, String sessionId, ProgrammeRequests.Cancel request) {
        requireOrganizer(caller);
        Session session = session(sessionId);
        List<ScheduleResource> used = resourcesOf(session);
        Instant now = clock.instant();
        Session saved = outbox.save(session, session.cancel(request.reason(), now));
        // its room and chairs are free again; if this stops half-way, the slots are dropped later as stale
        ledgers.settle(saved, used, now.plusNanos(1));
        return saved;
    }

    /**
     * Writes a session whose slots the reservation holds; gives them back if the write fails, and drops the
     * session's older slots (on the resources it used before and uses now) once it succeeded.
     */
    private Session saveHolding(ScheduleLedgers.Reservation reservation, Session session,
            List<SessionEvent> events, List<ScheduleResource> usedBefore) {
        Session saved;
        try {
            saved = outbox.save(session, events);
        }
        catch (RuntimeException e) {
            ledgers.withdraw(reservation);
            throw e;
        }
        ledgers.settle(saved, usedBefore, reservation.slot().reservedAt());
        return saved;
    }

    private static List<ScheduleResource> resourcesOf(Session session) {
        return ScheduleResource.of(session.conferenceId(), session.roomId(), session.chairs());
    }

    List<Meeting> meetings(String conferenceId) {
        return meetings.findByConferenceIdOrderByFirstDay(conferenceId);
    }

    List<Room> rooms(String conferenceId) {
        return rooms.findByConferenceIdOrderByName(conferenceId);
    }

    /** Whether a conference has a programme here (at least one meeting). */
    public boolean hasConference(String conferenceId) {
        return !meetings.findByConferenceIdOrderByFirstDay(conferenceId).isEmpty();
    }

    /** The whole programme of a conference, in time order. */
    public List<Session> sessions(String conferenceId) {
        return sessions.findByConferenceIdOrderByStartsAt(conferenceId);
    }

    /** One session, or 404. */
    public Session session(String sessionId) {
        return sessions.findById(sessionId).orElseThrow(() -> new NotFoundException("session", sessionId));
    }

    /** A meeting's time zone and title, for views. */
    public @Nullable Meeting meeting(String meetingId) {
        return meetings.findById(meetingId).orElse(null);
    }

    /** A room of the conference, for views. */
    public @Nullable Room roomOrNull(@Nullable String roomId) {
        return roomId == null ? null : rooms.findById(roomId).orElse(null);
    }

    private Room room(String conferenceId, String roomId) {
        return rooms.findById(roomId).filter(r -> r.conferenceId().equals(conferenceId))
                .orElseThrow(() -> new RuleViolationException("unknown-room", new FieldViolation("roomId", "unknown",
                        "no room " + roomId + " in conference " + conferenceId)));
    }

    private static int inPersonCapacity(ProgrammeRequests.ScheduleSession request, @Nullable Room room) {
        if (request.mode() == SessionMode.UNKNOWN) {
            throw new RuleViolationException("mode", new FieldViolation("mode", "unknown", "unknown mode"));
        }
        if (request.mode() != SessionMode.IN_PERSON && (request.virtualLink() == null
                || request.virtualLink().isBlank())) {
            throw new RuleViolationException("virtual-link-required", new FieldViolation("virtualLink", "required",
                    "a " + request.mode() + " session needs a virtual link"));
        }
        if (request.mode() == SessionMode.VIRTUAL) {
            return 0;
        }
        if (room == null) {
            throw new RuleViolationException("room-required", new FieldViolation("roomId", "required",
                    "an " + request.mode() + " session needs a room"));
        }
        if (request.capacity() == null) {
            return room.capacity();
        }
        if (request.capacity() > room.capacity()) {
            throw new RuleViolationException("room-capacity", new FieldViolation("capacity", "exceeds-room",
                    "room " + room.id() + " seats " + room.capacity()));
        }
        return request.capacity();
    }

    private static void requireOrganizer(CurrentUser caller) {
        if (!caller.isOrganizer()) {
            throw new AccessDeniedException("only organisers manage the programme");
        }
    }
}
