package org.conferenceops.session.agenda;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.conferenceops.events.session.Attendance;
import org.conferenceops.session.programme.Programme;
import org.conferenceops.session.programme.Room;
import org.conferenceops.session.programme.Session;
import org.conferenceops.session.programme.SessionRepository;
import org.conferenceops.session.programme.SessionStatus;
import org.conferenceops.session.seats.Booking;
import org.conferenceops.session.seats.BookingStatus;
import org.conferenceops.session.seats.SeatBookings;
import org.springframework.stereotype.Component;

/**
 * The VEVENTs of a delegate's personal feed: every session they hold or wait for a seat in, and every session they
 * no longer do (released booking) or that was cancelled, as {@code STATUS:CANCELLED}, so that a subscribed client
 * removes the event it had instead of keeping a stale one. A released booking stays until
 * {@link CalendarProperties#releasedRetention()} after its session ended. SEQUENCE = the session's change version plus
 * the booking's own {@link Booking#changes()}, so it grows with every change of either.
 */
@Component
class PersonalFeed {

    private final SeatBookings seats;
    private final SessionRepository sessions;
    private final Programme programme;
    private final CalendarProperties properties;
    private final Clock clock;

    PersonalFeed(SeatBookings seats, SessionRepository sessions, Programme programme, CalendarProperties properties,
            Clock clock) {
        this.seats = seats;
        this.sessions = sessions;
        this.programme = programme;
        this.properties = properties;
        this.clock = clock;
    }

    List<CalendarFeeds.Item> items(String delegateId) {
        List<Booking> bookings = seats.everyOfDelegate(delegateId);
        Map<String, Session> byId = sessions.findByIdIn(bookings.stream().map(Booking::sessionId).toList()).stream()
                .collect(Collectors.toMap(Session::id, Function.identity()));
        Instant now = clock.instant();
        return bookings.stream().filter(b -> byId.containsKey(b.sessionId()))
                .filter(b -> shows(b.isActive(), byId.get(b.sessionId()).endsAt(), now,
                        properties.releasedRetention()))
                .sorted(Comparator.comparing((Booking b) -> byId.get(b.sessionId()).startsAt())
                        .thenComparing(Booking::sessionId))
                .map(b -> item(b, byId.get(b.sessionId()))).toList();
    }

    /** Whether a booking is in the feed: while it is held, or until the retention after its session ended. */
    static boolean shows(boolean active, Instant sessionEnd, Instant now, Duration releasedRetention) {
        return active || now.isBefore(sessionEnd.plus(releasedRetention));
    }

    private CalendarFeeds.Item item(Booking booking, Session session) {
        boolean sessionCancelled = session.status() == SessionStatus.CANCELLED;
        String status = sessionCancelled || !booking.isActive() ? "CANCELLED"
                : booking.status() == BookingStatus.CONFIRMED ? "CONFIRMED" : "TENTATIVE";
        String description = sessionCancelled ? "Session cancelled" + (session.cancellationReason() == null ? ""
                : ": " + session.cancellationReason())
                : !booking.isActive() ? "You are no longer booked on this session"
                : booking.status() == BookingStatus.WAITLISTED ? "Waitlisted (position " + seats.position(booking) + ")"
                : null;
        Room room = programme.roomOrNull(session.roomId());
        String location = booking.attendance() == Attendance.VIRTUAL || room == null ? session.virtualLink()
                : room.name();
        return new CalendarFeeds.Item(session.id(), session.title(), session.track(), session.startsAt(),
                session.endsAt(), session.timeZone(), location, session.virtualLink(), status,
                session.changeVersion() + booking.changes(), description);
    }
}
