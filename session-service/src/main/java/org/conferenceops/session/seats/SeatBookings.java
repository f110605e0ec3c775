package org.conferenceops.session.seats;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.conferenceops.events.session.Attendance;
import org.conferenceops.events.session.ReleaseReason;
import org.conferenceops.platform.outbox.EventOutbox;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.IllegalStateTransitionException;
import org.conferenceops.platform.problem.NotFoundException;
import org.conferenceops.platform.problem.RuleViolationException;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.session.accreditation.AccreditedDelegate;
import org.conferenceops.session.accreditation.AccreditedDelegateRepository;
import org.conferenceops.session.accreditation.SeatRelease;
import org.conferenceops.session.programme.Programme;
import org.conferenceops.session.programme.SeatCapacity;
import org.conferenceops.session.programme.Session;
import org.conferenceops.session.programme.SessionStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Booking, releasing and promoting seats. The seat counter decides atomically who gets a seat and who waits (one
 * conditional {@code findAndModify}); the booking, with its event, is then stored in one write of its own document.
 * A full session is not an error: the booking is waitlisted and says at which position.
 */
@Service
public class SeatBookings implements SeatCapacity, SeatRelease {

    private static final Logger log = LoggerFactory.getLogger(SeatBookings.class);

    private final BookingRepository bookings;
    private final SeatCounters counters;
    private final AccreditedDelegateRepository delegates;
    private final Programme programme;
    private final EventOutbox outbox;
    private final UnsettledClaims unsettled;
    private final SeatProperties settings;
    private final Clock clock;

    SeatBookings(BookingRepository bookings, SeatCounters counters, AccreditedDelegateRepository delegates,
            Programme programme, EventOutbox outbox, UnsettledClaims unsettled, SeatProperties settings,
            Clock clock) {
        this.bookings = bookings;
        this.counters = counters;
        this.delegates = delegates;
        this.programme = programme;
        this.outbox = outbox;
        this.unsettled = unsettled;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The outcome of a booking request: the booking, whether this request created it, and its waitlist position
     * when this request knows it exactly (the place the seat counter gave it; 0 for a seat), else -1 (count it).
     */
    public record Outcome(Booking booking, boolean created, int knownPosition) {

        Outcome(Booking booking, boolean created) {
            this(booking, created, -1);
        }
    }

    /**
     * Books a seat for a delegate (the caller, unless an organiser or the delegation's focal point books for them).
     * Repeating the request returns the existing booking.
     */
    public Outcome book(CurrentUser caller, String sessionId, @Nullable String requestedDelegate,
            Attendance attendance) {
        String delegateId = requestedDelegate != null ? requestedDelegate : caller.delegateId();
        if (delegateId == null) {
            throw new RuleViolationException("delegate-required", new FieldViolation("delegateId", "required",
                    "say which delegate the seat is for"));
        }
        Optional<AccreditedDelegate> known = delegates.findById(delegateId);
        boolean mayAct = known.map(d -> caller.mayActForDelegate(delegateId, d.delegationId()))
                .orElse(caller.isOrganizer() || delegateId.equals(caller.delegateId()));
        if (!mayAct) {
            throw new NotFoundException("delegate", delegateId);
        }
        Session session = programme.session(sessionId);
        if (known.isEmpty() || !known.get().mayBookIn(session.conferenceId())) {
            throw new RuleViolationException("not-accredited", new FieldViolation("delegateId", "not-accredited",
                    "delegate " + delegateId + " is not accredited for " + session.conferenceId()));
        }
        requireOpen(session, attendance, clock.instant());
        Optional<Booking> existing = bookings.findById(Booking.idOf(sessionId, delegateId));
        if (existing.isPresent() && existing.get().isActive()) {
            return new Outcome(existing.get(), false);
        }
        Booking booking = existing.orElseGet(() -> Booking.request(session.conferenceId(), sessionId, delegateId,
                known.get().delegationId(), attendance, clock.instant()));
        return place(session, booking, attendance);
    }

    private Outcome place(Session session, Booking booking, Attendance attendance) {
        String key = SeatCounters.key(session.id(), attendance);
        Instant now = clock.instant();
        // a retry of a booking whose write failed after its claim uses that claim instead of taking another
        UnsettledClaims.Claim claim = unsettled.take(booking.id(), key).orElseGet(() -> {
            SeatCounters.Arrival arrival = counters.arrive(key, session.capacityFor(attendance));
            return new UnsettledClaims.Claim(key, arrival.seat(), arrival.counter().arrivals(),
                    arrival.counter().waiting(), now);
        });
        try {
            Booking saved = outbox.save(booking, claim.seat()
                    ? booking.confirm(attendance, claim.arrival(), now)
                    : booking.waitlist(attendance, claim.arrival(), claim.waiting(), now));
            if (!claim.seat() && counters.find(key).map(c -> c.free() > 0).orElse(false)) {
                promoteWaiting(session.id(), attendance);
                return new Outcome(bookings.findById(saved.id()).orElse(saved), true);
            }
            // no one left the waitlist in between (a promotion goes through the branch above): its place is exact
            return new Outcome(saved, true, saved.status() == BookingStatus.WAITLISTED ? saved.joinedPosition() : 0);
        }
        catch (DuplicateKeyException | OptimisticLockingFailureException e) {
            // the same delegate booked concurrently: give back what this request took and answer with that booking
            giveBack(key, claim.seat());
            Booking winner = bookings.findById(booking.id()).orElseThrow(() -> e);
            return new Outcome(winner, false);
        }
        catch (RuntimeException storageFailed) {
            // the claim landed, the booking did not (storage unavailable: the client is told 503 and retries)
            unsettled.hold(booking.id(), new UnsettledClaims.Claim(key, claim.seat(), claim.arrival(),
                    claim.waiting(), clock.instant()));
            throw storageFailed;
        }
    }

    /**
     * Gives back the claims of bookings whose write failed and whose client did not retry within
     * {@code unsettled-grace}: unless the booking was stored after all with that claim's arrival number (the write
     * landed, its answer was lost), the seat or waitlist place goes back to the counter and a freed seat to the
     * waitlist. Storage still away: the claim is kept for the next pass.
     */
    @Scheduled(fixedDelayString = "${conference-ops.seats.unsettled-check:5s}")
    void settleUnsettledClaims() {
        for (String bookingId : unsettled.olderThan(settings.unsettledGrace(), clock.instant())) {
            Optional<UnsettledClaims.Claim> taken = unsettled.take(bookingId);
            if (taken.isEmpty()) {
                continue;
            }
            UnsettledClaims.Claim claim = taken.get();
            try {
                boolean storedAfterAll = bookings.findById(bookingId).map(b -> b.arrival() == claim.arrival())
                        .orElse(false);
                if (!storedAfterAll) {
                    giveBack(claim.counterKey(), claim.seat());
                    log.info("Seat claim of booking {} given back: its write failed and it was not retried", bookingId);
                    if (claim.seat()) {
                        String key = claim.counterKey();
                        promoteWaiting(key.substring(0, key.lastIndexOf('/')),
                                Attendance.valueOf(key.substring(key.lastIndexOf('/') + 1)));
                    }
                }
            }
            catch (RuntimeException stillUnavailable) {
                unsettled.hold(bookingId, claim);
                return;
            }
        }
    }

    /** Releases a booking: by the delegate, their focal point or an organiser; others get 404. */
    public Booking cancel(CurrentUser caller, String sessionId, String delegateId) {
        Booking booking = bookings.findById(Booking.idOf(sessionId, delegateId))
                .filter(b -> caller.mayActForDelegate(b.delegateId(), b.delegationId()))
                .orElseThrow(() -> new NotFoundException("booking", Booking.idOf(sessionId, delegateId)));
        release(booking, ReleaseReason.CANCELLED_BY_DELEGATE);
        return bookings.findById(booking.id()).orElse(booking);
    }

    /** A booking the caller may see, or 404. */
    public Booking find(CurrentUser caller, String sessionId, String delegateId) {
        return bookings.findById(Booking.idOf(sessionId, delegateId))
                .filter(b -> caller.mayActForDelegate(b.delegateId(), b.delegationId()))
                .orElseThrow(() -> new NotFoundException("booking", Booking.idOf(sessionId, delegateId)));
    }

    /** Every booking of a session in arrival order (organisers). */
    public List<Booking> ofSession(String sessionId) {
        return bookings.findBySessionIdOrderByArrival(sessionId);
    }

    /** The live waitlist position of a waitlisted booking (1 = next), or 0 if it is not waiting. */
    public int position(Booking booking) {
        if (booking.status() != BookingStatus.WAITLISTED) {
            return 0;
        }
        return (int) bookings.countBySessionIdAndAttendanceAndStatusAndArrivalLessThan(booking.sessionId(),
                booking.attendance(), BookingStatus.WAITLISTED, booking.arrival()) + 1;
    }

    /** The active bookings of a delegate. */
    public List<Booking> ofDelegate(String delegateId) {
        return bookings.findByDelegateId(delegateId).stream().filter(Booking::isActive).toList();
    }

    /** Every booking a delegate ever made, released ones included (for the calendar feed's cancelled entries). */
    public List<Booking> everyOfDelegate(String delegateId) {
        return bookings.findByDelegateId(delegateId);
    }

    @Override
    public void releaseAllOf(String delegateId, ReleaseReason reason) {
        for (Booking booking : bookings.findByDelegateId(delegateId)) {
            release(booking, reason);
        }
    }

    @Override
    public void capacityChanged(String sessionId, Attendance attendance, int capacity) {
        String key = SeatCounters.key(sessionId, attendance);
        SeatCounter counter = counters.resize(key, capacity);
        for (int excess = -counter.free(); excess > 0; excess--) {
            Optional<Booking> latest = bookings
                    .findFirstBySessionIdAndAttendanceAndStatusOrderByConfirmedAtDescArrivalDesc(sessionId, attendance,
                            BookingStatus.CONFIRMED);
            if (latest.isEmpty()) {
                break;
            }
            Booking booking = latest.get();
            int position = (int) bookings.countBySessionIdAndAttendanceAndStatusAndArrivalLessThan(sessionId,
                    attendance, BookingStatus.WAITLISTED, booking.arrival()) + 1;
            outbox.save(booking, booking.demote(position, clock.instant()));
            counters.demoted(key);
        }
        promoteWaiting(sessionId, attendance);
    }

    private void release(Booking booking, ReleaseReason reason) {
        boolean heldSeat = booking.status() == BookingStatus.CONFIRMED;
        var events = booking.release(reason, clock.instant());
        if (events.isEmpty()) {
            return;
        }
        outbox.save(booking, events);
        String key = SeatCounters.key(booking.sessionId(), booking.attendance());
        giveBack(key, heldSeat);
        if (heldSeat) {
            promoteWaiting(booking.sessionId(), booking.attendance());
        }
    }

    /**
     * Gives free seats to the first bookings on the waitlist, in arrival order, until none is free or none waits;
     * returns how many were promoted.
     */
    int promoteWaiting(String sessionId, Attendance attendance) {
        String key = SeatCounters.key(sessionId, attendance);
        int promoted = 0;
        while (counters.claimForPromotion(key).isPresent()) {
            Optional<Booking> first = bookings.findFirstBySessionIdAndAttendanceAndStatusOrderByArrivalAsc(sessionId,
                    attendance, BookingStatus.WAITLISTED);
            if (first.isEmpty()) {
                counters.undoPromotion(key);
                return promoted;
            }
            try {
                outbox.save(first.get(), first.get().promote(clock.instant()));
                promoted++;
            }
            catch (OptimisticLockingFailureException | IllegalStateTransitionException e) {
                // it changed meanwhile (released, or promoted by another pass): look again
                counters.undoPromotion(key);
            }
        }
        return promoted;
    }

    private void giveBack(String key, boolean seat) {
        if (seat) {
            counters.seatFreed(key);
        }
        else {
            counters.leftWaitlist(key);
        }
    }

    private static void requireOpen(Session session, Attendance attendance, Instant now) {
        if (session.status() != SessionStatus.SCHEDULED) {
            throw new IllegalStateTransitionException("session", session.status(), "book");
        }
        if (!now.isBefore(session.endsAt())) {
            throw new RuleViolationException("session-ended", new FieldViolation("sessionId", "ended",
                    "session " + session.id() + " ended at " + session.endsAt()));
        }
        if (!session.offers(attendance)) {
            throw new RuleViolationException("attendance-not-offered", new FieldViolation("attendance",
                    "not-offered", "session " + session.id() + " is " + session.mode() + ": no " + attendance
                    + " places"));
        }
    }
}
