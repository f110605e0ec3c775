package org.conferenceops.session.seats;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.conferenceops.events.session.Attendance;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.session.programme.Programme;
import org.conferenceops.session.programme.Session;
import org.conferenceops.session.programme.SessionRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** HTTP adapter of seats and waitlists. */
@RestController
class BookingController {

    private final SeatBookings seats;
    private final Programme programme;
    private final SessionRepository sessions;
    private final SeatReconciler reconciler;

    BookingController(SeatBookings seats, Programme programme, SessionRepository sessions,
            SeatReconciler reconciler) {
        this.seats = seats;
        this.programme = programme;
        this.sessions = sessions;
        this.reconciler = reconciler;
    }

    /** The body of a booking request; both fields are optional (the caller's own seat, in person). */
    record BookRequest(@Nullable String delegateId, @Nullable Attendance attendance) {
    }

    /** 201 with the new booking (CONFIRMED or WAITLISTED with its position); 200 when it existed already. */
    @PostMapping("/api/sessions/{sessionId}/bookings")
    ResponseEntity<BookingView> book(CurrentUser caller, @PathVariable String sessionId,
            @Valid @RequestBody(required = false) @Nullable BookRequest request) {
        Attendance attendance = request == null || request.attendance() == null ? Attendance.IN_PERSON
                : request.attendance();
        SeatBookings.Outcome outcome = seats.book(caller, sessionId, request == null ? null : request.delegateId(),
                attendance);
        if (!outcome.created()) {
            return ResponseEntity.ok(view(outcome.booking()));
        }
        // a booking just placed on the waitlist answers with the place the seat counter gave it: that is exact
        // (bookings ahead of it may not be stored yet, so a count of them can come out short) and costs nothing,
        // where the count read every waiting booking of the session — a 2,000-booking rush counted up to 1,500 of
        // them for each of the last ones
        BookingView view = view(outcome.booking(), outcome.knownPosition() >= 0 ? outcome.knownPosition()
                : seats.position(outcome.booking()));
        return ResponseEntity.created(URI.create("/api/sessions/" + sessionId + "/bookings/"
                + outcome.booking().delegateId())).body(view);
    }

    @GetMapping("/api/sessions/{sessionId}/bookings/{delegateId}")
    BookingView get(CurrentUser caller, @PathVariable String sessionId, @PathVariable String delegateId) {
        return view(seats.find(caller, sessionId, delegateId));
    }

    @DeleteMapping("/api/sessions/{sessionId}/bookings/{delegateId}")
    BookingView cancel(CurrentUser caller, @PathVariable String sessionId, @PathVariable String delegateId) {
        return view(seats.cancel(caller, sessionId, delegateId));
    }

    /** All bookings of a session in arrival order, with live waitlist positions (organisers only). */
    @GetMapping("/api/sessions/{sessionId}/bookings")
    List<BookingView> ofSession(CurrentUser caller, @PathVariable String sessionId) {
        if (!caller.isOrganizer()) {
            throw new AccessDeniedException("only organisers list a session's bookings");
        }
        programme.session(sessionId);
        List<Booking> all = seats.ofSession(sessionId);
        int[] waiting = new int[Attendance.values().length];
        return all.stream().map(b -> BookingView.of(b, b.status() == BookingStatus.WAITLISTED
                ? ++waiting[b.attendance().ordinal()] : 0, List.of())).toList();
    }

    /**
     * Recounts the session's bookings against its seat counters and promotes into freed seats (organisers). A
     * difference is repaired when a second run, {@code conference-ops.seats.reconcile-grace} later, finds it
     * unchanged (ADR 012).
     */
    @PostMapping("/api/sessions/{sessionId}/seat-counters/reconciliation")
    List<SeatReconciler.CounterReport> reconcile(CurrentUser caller, @PathVariable String sessionId) {
        return reconciler.reconcile(caller, sessionId);
    }

    private BookingView view(Booking booking) {
        return view(booking, seats.position(booking));
    }

    private BookingView view(Booking booking, int position) {
        List<Booking> mine = seats.ofDelegate(booking.delegateId());
        Map<String, Session> byId = sessions.findByIdIn(mine.stream().map(Booking::sessionId).toList()).stream()
                .collect(Collectors.toMap(Session::id, Function.identity()));
        Session self = byId.get(booking.sessionId());
        List<String> overlaps = self == null || !booking.isActive() ? List.of() : mine.stream()
                .filter(other -> !other.id().equals(booking.id()))
                .map(other -> byId.get(other.sessionId()))
                .filter(other -> other != null && other.overlaps(self.startsAt(), self.endsAt()))
                .map(Session::id).toList();
        return BookingView.of(booking, position, overlaps);
    }
}
