package org.conferenceops.session.seats;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.conferenceops.events.session.Attendance;
import org.conferenceops.session.programme.Session;
import org.conferenceops.session.programme.SessionRepository;
import org.conferenceops.session.programme.SessionStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The organisers' seat gauges over the sessions still to come or running (scheduled, not ended), by conference and
 * way of attending: {@code session.seats.capacity}, {@code session.seats.taken} (confirmed seats) and
 * {@code session.waitlist.size}. Recomputed from the sessions and their seat counters (ADR 012) on start and every
 * {@code conference-ops.seats.metrics-refresh-interval}, so they are right after a restart and on every replica.
 */
@Component
class SeatGauges {

    static final String CAPACITY = "session.seats.capacity";
    static final String TAKEN = "session.seats.taken";
    static final String WAITLIST = "session.waitlist.size";

    private final SessionRepository sessions;
    private final SeatCounters counters;
    private final Clock clock;
    private final MultiGauge capacity;
    private final MultiGauge taken;
    private final MultiGauge waitlist;
    /** Every (conference, attendance) seen so far: once its sessions have ended it reads 0 instead of vanishing. */
    private final Map<Tags, long[]> last = new HashMap<>();

    SeatGauges(SessionRepository sessions, SeatCounters counters, Clock clock, MeterRegistry meters) {
        this.sessions = sessions;
        this.counters = counters;
        this.clock = clock;
        this.capacity = MultiGauge.builder(CAPACITY).description("Seats in sessions not yet ended").register(meters);
        this.taken = MultiGauge.builder(TAKEN).description("Confirmed seats in sessions not yet ended")
                .register(meters);
        this.waitlist = MultiGauge.builder(WAITLIST).description("Bookings waiting in sessions not yet ended")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${conference-ops.seats.metrics-refresh-interval:15s}")
    synchronized void refresh() {
        Instant now = clock.instant();
        Map<String, SeatCounter> byKey = counters.all().stream()
                .collect(Collectors.toMap(SeatCounter::id, Function.identity()));
        Map<Tags, long[]> totals = new HashMap<>();
        last.keySet().forEach(tags -> totals.put(tags, new long[3]));
        for (Session session : sessions.findAll()) {
            if (session.status() != SessionStatus.SCHEDULED || !session.endsAt().isAfter(now)) {
                continue;
            }
            for (Attendance attendance : List.of(Attendance.IN_PERSON, Attendance.VIRTUAL)) {
                if (!session.offers(attendance)) {
                    continue;
                }
                long[] sum = totals.computeIfAbsent(Tags.of("conference", session.conferenceId(), "attendance",
                        attendance.name()), t -> new long[3]);
                SeatCounter counter = byKey.get(SeatCounters.key(session.id(), attendance));
                sum[0] += session.capacityFor(attendance);
                if (counter != null) {
                    sum[1] += Math.max(0, counter.capacity() - counter.free());
                    sum[2] += counter.waiting();
                }
            }
        }
        last.clear();
        last.putAll(totals);
        capacity.register(rows(totals, 0), true);
        taken.register(rows(totals, 1), true);
        waitlist.register(rows(totals, 2), true);
    }

    private static List<MultiGauge.Row<?>> rows(Map<Tags, long[]> totals, int index) {
        return totals.entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(), e.getValue()[index])).toList();
    }
}
