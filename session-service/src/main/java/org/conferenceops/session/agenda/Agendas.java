package org.conferenceops.session.agenda;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.conferenceops.events.session.Attendance;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.NotFoundException;
import org.conferenceops.platform.problem.RuleViolationException;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.session.accreditation.AccreditedDelegate;
import org.conferenceops.session.accreditation.AccreditedDelegateRepository;
import org.conferenceops.session.programme.Programme;
import org.conferenceops.session.programme.Room;
import org.conferenceops.session.programme.Session;
import org.conferenceops.session.programme.SessionRepository;
import org.conferenceops.session.programme.SessionStatus;
import org.conferenceops.session.seats.Booking;
import org.conferenceops.session.seats.SeatBookings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A delegate's personal agenda: their confirmed and waitlisted sessions, seen by the delegate, the focal point of
 * their delegation and organisers (anyone else gets 404, as if the delegate did not exist).
 */
@Service
class Agendas {

    private final SeatBookings seats;
    private final SessionRepository sessions;
    private final AccreditedDelegateRepository delegates;
    private final Programme programme;

    Agendas(SeatBookings seats, SessionRepository sessions, AccreditedDelegateRepository delegates,
            Programme programme) {
        this.seats = seats;
        this.sessions = sessions;
        this.delegates = delegates;
        this.programme = programme;
    }

    AgendaView agenda(CurrentUser caller, String delegateId, @Nullable String timeZone) {
        ZoneId delegateZone = zone(timeZone);
        List<Booking> bookings = seats.ofDelegate(delegateId);
        requireReader(caller, delegateId, bookings);
        Map<String, Session> byId = sessions.findByIdIn(bookings.stream().map(Booking::sessionId).toList()).stream()
                .collect(Collectors.toMap(Session::id, Function.identity()));
        List<Booking> listed = bookings.stream().filter(b -> byId.containsKey(b.sessionId()))
                .sorted(Comparator.comparing((Booking b) -> byId.get(b.sessionId()).startsAt())
                        .thenComparing(Booking::sessionId))
                .toList();
        List<AgendaEntry> entries = listed.stream()
                .map(b -> entry(b, byId.get(b.sessionId()), overlaps(b, listed, byId), delegateZone)).toList();
        int overlapping = (int) entries.stream().filter(e -> !e.overlapsWith().isEmpty()).count();
        return new AgendaView(delegateId, delegateZone == null ? null : delegateZone.getId(), overlapping, entries);
    }

    /** Refuses (404) anyone but the delegate, the focal point of their delegation and organisers. */
    void requireReader(CurrentUser caller, String delegateId) {
        requireReader(caller, delegateId, seats.everyOfDelegate(delegateId));
    }

    private void requireReader(CurrentUser caller, String delegateId, List<Booking> bookings) {
        String delegationId = delegates.findById(delegateId).map(AccreditedDelegate::delegationId)
                .filter(d -> !d.isEmpty())
                .or(() -> bookings.stream().map(Booking::delegationId).findFirst())
                .orElse(null);
        boolean mayRead = delegationId == null ? caller.isOrganizer() || delegateId.equals(caller.delegateId())
                : caller.mayActForDelegate(delegateId, delegationId);
        if (!mayRead) {
            throw new NotFoundException("delegate", delegateId);
        }
    }

    private AgendaEntry entry(Booking booking, Session session, List<String> overlaps, @Nullable ZoneId delegateZone) {
        ZoneId zone = ZoneId.of(session.timeZone());
        Optional<Room> room = Optional.ofNullable(programme.roomOrNull(session.roomId()));
        boolean online = booking.attendance() == Attendance.VIRTUAL;
        return new AgendaEntry(session.id(), CalendarFeeds.uid(session.id()), session.conferenceId(),
                session.title(), session.track(), booking.status(), seats.position(booking), booking.attendance(),
                session.status(), session.changeVersion(), session.mode(), session.startsAt(), session.endsAt(),
                session.timeZone(), LocalDateTime.ofInstant(session.startsAt(), zone),
                LocalDateTime.ofInstant(session.endsAt(), zone), delegateZone == null ? null : delegateZone.getId(),
                delegateZone == null ? null : LocalDateTime.ofInstant(session.startsAt(), delegateZone),
                delegateZone == null ? null : LocalDateTime.ofInstant(session.endsAt(), delegateZone),
                online ? null : session.roomId(), online ? null : room.map(Room::name).orElse(null),
                session.virtualLink(), overlaps);
    }

    private static List<String> overlaps(Booking booking, List<Booking> all, Map<String, Session> byId) {
        Session self = byId.get(booking.sessionId());
        if (self.status() == SessionStatus.CANCELLED) {
            return List.of();
        }
        return all.stream().filter(other -> !other.id().equals(booking.id()))
                .map(other -> byId.get(other.sessionId()))
                .filter(other -> other.status() != SessionStatus.CANCELLED
                        && other.overlaps(self.startsAt(), self.endsAt()))
                .map(Session::id).toList();
    }

    /** The caller's zone from {@code ?tz=}; a name that is not an IANA zone is refused with 422. */
    static @Nullable ZoneId zone(@Nullable String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(timeZone.strip());
        }
        catch (DateTimeException e) {
            throw new RuleViolationException("time-zone", new FieldViolation("tz", "unknown-zone",
                    "not an IANA time zone: " + timeZone));
        }
    }
}
