package org.conferenceops.session.seats;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.conferenceops.events.session.Attendance;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.session.programme.Programme;
import org.conferenceops.session.programme.Session;
import org.conferenceops.session.programme.SessionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Repairs seat counters from the bookings (ADR 012). At rest a counter holds {@code free = capacity - confirmed}
 * and {@code waiting = waitlisted}; a process that died between claiming a seat and storing the booking leaves a
 * seat claimed by nobody. A difference is repaired only when it is seen twice, at least {@code reconcile-grace}
 * apart, with the counter unchanged in between (then no booking of that counter was in flight), by one write that
 * is conditional on the counter still being as seen. Freed seats then go to the waitlist. Running it again changes
 * nothing: it is idempotent, on any number of replicas.
 */
@Component
public class SeatReconciler {

    private static final Logger log = LoggerFactory.getLogger(SeatReconciler.class);
    private static final List<Attendance> ATTENDANCES = List.of(Attendance.IN_PERSON, Attendance.VIRTUAL);

    private final SeatCounters counters;
    private final BookingRepository bookings;
    private final SeatBookings seats;
    private final SessionRepository sessions;
    private final Programme programme;
    private final SeatProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Observation> suspected = new ConcurrentHashMap<>();

    SeatReconciler(SeatCounters counters, BookingRepository bookings, SeatBookings seats, SessionRepository sessions,
            Programme programme, SeatProperties properties, MeterRegistry meters, Clock clock) {
        this.counters = counters;
        this.bookings = bookings;
        this.seats = seats;
        this.sessions = sessions;
        this.programme = programme;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /** What a counter looked like next to its bookings. */
    private record Observation(SeatCounter counter, int confirmed, int waitlisted, Instant seenAt) {

        boolean sameAs(Observation other) {
            return counter.equals(other.counter) && confirmed == other.confirmed && waitlisted == other.waitlisted;
        }
    }

    /** How one counter was found: CONSISTENT, SUSPECTED (repaired if still so after the grace), REPAIRED, BUSY. */
    public enum Outcome {
        CONSISTENT,
        SUSPECTED,
        REPAIRED,
        BUSY
    }

    /**
     * One counter's reconciliation.
     *
     * @param freeBefore the counter's free seats as found
     * @param freeAfter  free seats after the repair and promotions
     * @param promoted   waitlisted bookings that got a seat in this run
     */
    public record CounterReport(Attendance attendance, int capacity, int confirmed, int waitlisted, int freeBefore,
            int freeAfter, Outcome outcome, int promoted) {
    }

    @Scheduled(fixedDelayString = "${conference-ops.seats.reconcile-interval:5m}",
            initialDelayString = "${conference-ops.seats.reconcile-interval:5m}")
    void scheduled() {
        Instant now = clock.instant();
        List<String> sessionIds = counters.all().stream().map(c -> c.id().substring(0, c.id().lastIndexOf('/')))
                .distinct().toList();
        for (Session session : sessions.findByIdIn(sessionIds)) {
            if (now.isBefore(session.endsAt())) {
                reconcile(session.id());
            }
        }
    }

    /** Reconciles a session's counters now (organisers); a difference seen for the first time is only noted. */
    public List<CounterReport> reconcile(CurrentUser caller, String sessionId) {
        if (!caller.isOrganizer()) {
            throw new AccessDeniedException("only organisers reconcile seat counters");
        }
        programme.session(sessionId);
        return reconcile(sessionId);
    }

    List<CounterReport> reconcile(String sessionId) {
        List<CounterReport> reports = new ArrayList<>();
        for (Attendance attendance : ATTENDANCES) {
            reconcile(sessionId, attendance).ifPresent(reports::add);
        }
        return reports;
    }

    private Optional<CounterReport> reconcile(String sessionId, Attendance attendance) {
        String key = SeatCounters.key(sessionId, attendance);
        Optional<SeatCounter> before = counters.find(key);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        SeatCounter counter = before.get();
        int confirmed = (int) bookings.countBySessionIdAndAttendanceAndStatus(sessionId, attendance,
                BookingStatus.CONFIRMED);
        int waitlisted = (int) bookings.countBySessionIdAndAttendanceAndStatus(sessionId, attendance,
                BookingStatus.WAITLISTED);
        Observation now = new Observation(counter, confirmed, waitlisted, clock.instant());
        Outcome outcome = judge(key, now);
        int promoted = outcome == Outcome.BUSY || waitlisted == 0 ? 0 : seats.promoteWaiting(sessionId, attendance);
        int freeAfter = counters.find(key).map(SeatCounter::free).orElse(counter.free());
        meters.counter("session.seats.reconciled", "outcome", outcome.name().toLowerCase()).increment();
        if (promoted > 0) {
            meters.counter("session.seats.reconcile.promoted").increment(promoted);
        }
        return Optional.of(new CounterReport(attendance, counter.capacity(), confirmed, waitlisted, counter.free(),
                freeAfter, outcome, promoted));
    }

    private Outcome judge(String key, Observation now) {
        SeatCounter counter = now.counter();
        if (!counters.find(key).map(counter::equals).orElse(false)) {
            suspected.remove(key);
            return Outcome.BUSY;
        }
        int expectedFree = counter.capacity() - now.confirmed();
        if (counter.free() == expectedFree && counter.waiting() == now.waitlisted()) {
            suspected.remove(key);
            return Outcome.CONSISTENT;
        }
        Observation earlier = suspected.get(key);
        if (earlier == null || !earlier.sameAs(now)) {
            suspected.put(key, now);
            return Outcome.SUSPECTED;
        }
        if (now.seenAt().isBefore(earlier.seenAt().plus(properties.reconcileGrace()))) {
            return Outcome.SUSPECTED;
        }
        suspected.remove(key);
        if (!counters.repair(counter, expectedFree, now.waitlisted())) {
            return Outcome.BUSY;
        }
        log.warn("seat counter {} repaired: free {} -> {}, waiting {} -> {} ({} confirmed, capacity {})", key,
                counter.free(), expectedFree, counter.waiting(), now.waitlisted(), now.confirmed(),
                counter.capacity());
        return Outcome.REPAIRED;
    }
}
