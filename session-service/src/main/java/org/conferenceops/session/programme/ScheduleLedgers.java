package org.conferenceops.session.programme;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.conferenceops.platform.outbox.EventOutbox;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.RuleViolationException;
import org.conferenceops.platform.problem.ServiceUnavailableException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Takes and gives back slots in the ledgers of rooms and chairs, each with one conditional write of one ledger
 * (ADR 021). A session is written only after every slot it needs is taken; if that fails, the slots are given back.
 * After a change is stored, the session's older slots are dropped. A slot left behind by a process that stopped
 * half-way is recognised later (its session does not match it, and it is older than the grace) and dropped by the
 * next request that runs into it.
 */
@Component
class ScheduleLedgers {

    // a write loses only when another request changed the same ledger meanwhile; this many in a row means a storm
    private static final int ATTEMPTS = 100;

    private final ScheduleLedgerRepository ledgers;
    private final SessionRepository sessions;
    private final EventOutbox outbox;
    private final ProgrammeProperties properties;
    private final Clock clock;

    ScheduleLedgers(ScheduleLedgerRepository ledgers, SessionRepository sessions, EventOutbox outbox,
            ProgrammeProperties properties, Clock clock) {
        this.ledgers = ledgers;
        this.sessions = sessions;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /** The slots one request took: given back if its session could not be written. */
    record Reservation(String conferenceId, List<String> ledgerIds, ScheduleLedger.Slot slot) {
    }

    /**
     * Takes the interval for the session on every resource, or none: a 422 {@code schedule-conflict} naming the
     * session that holds an overlapping slot. A slot the session already holds is kept and not taken twice.
     *
     * @param programme the conference's sessions, to open a ledger that does not exist yet
     */
    Reservation reserve(String conferenceId, String sessionId, List<ScheduleResource> resources, Instant startsAt,
            Instant endsAt, List<Session> programme) {
        ScheduleLedger.Slot slot = new ScheduleLedger.Slot(sessionId, startsAt, endsAt, clock.instant());
        List<String> taken = new ArrayList<>();
        Reservation reservation = new Reservation(conferenceId, taken, slot);
        try {
            for (ScheduleResource resource : resources) {
                if (take(conferenceId, resource, slot, programme)) {
                    taken.add(resource.ledgerId(conferenceId));
                }
            }
            return reservation;
        }
        catch (RuntimeException e) {
            withdraw(reservation);
            throw e;
        }
    }

    /** Gives back what a reservation took (its session was not written). */
    void withdraw(Reservation reservation) {
        ScheduleLedger.Slot slot = reservation.slot();
        for (String ledgerId : reservation.ledgerIds()) {
            update(ledgerId, ledger -> ledger.drop(slot::equals));
        }
    }

    /**
     * After a session was written: drops its slots older than {@code writtenAt} that no longer match it, on the
     * resources it used before and uses now (all of them when it is cancelled).
     */
    void settle(Session session, List<ScheduleResource> before, Instant writtenAt) {
        Set<ScheduleResource> resources = new LinkedHashSet<>(before);
        resources.addAll(ScheduleResource.of(session.conferenceId(), session.roomId(), session.chairs()));
        for (ScheduleResource resource : resources) {
            update(resource.ledgerId(session.conferenceId()), ledger -> ledger.drop(slot ->
                    slot.sessionId().equals(session.id()) && slot.reservedAt().isBefore(writtenAt)
                            && !matches(slot, resource, session)));
        }
    }

    private boolean take(String conferenceId, ScheduleResource resource, ScheduleLedger.Slot slot,
            List<Session> programme) {
        String ledgerId = resource.ledgerId(conferenceId);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ScheduleLedger ledger = ledgers.findById(ledgerId)
                    .orElseGet(() -> ScheduleLedger.open(conferenceId, resource, programme));
            if (ledger.holds(slot.sessionId(), slot.startsAt(), slot.endsAt())) {
                return false;
            }
            List<ScheduleLedger.Slot> conflicts = ledger.conflicts(slot.sessionId(), slot.startsAt(),
                    slot.endsAt());
            List<ScheduleLedger.Slot> stale = conflicts.stream().filter(s -> isStale(s, resource)).toList();
            Optional<ScheduleLedger.Slot> blocking = conflicts.stream().filter(s -> !stale.contains(s)).findFirst();
            if (blocking.isPresent()) {
                throw conflict(resource, blocking.get());
            }
            ledger.drop(stale::contains);
            ledger.take(slot);
            try {
                outbox.save(ledger, List.of());
                return true;
            }
            catch (OptimisticLockingFailureException | DuplicateKeyException e) {
                // another request wrote this ledger since it was read: look again
            }
        }
        // contention, not a clash: nothing was stored and the client did nothing wrong
        throw new ServiceUnavailableException("the schedule of " + describe(resource) + " is being changed by too "
                + "many requests at once; nothing was stored, retry", Duration.ofSeconds(1));
    }

    private void update(String ledgerId, Function<ScheduleLedger, Boolean> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<ScheduleLedger> ledger = ledgers.findById(ledgerId);
            if (ledger.isEmpty() || !change.apply(ledger.get())) {
                return;
            }
            try {
                outbox.save(ledger.get(), List.of());
                return;
            }
            catch (OptimisticLockingFailureException e) {
                // changed meanwhile: apply the change to the newer state
            }
        }
        // giving up leaves a slot that no session matches; the grace rule drops it later
    }

    /** A slot no session matches any more (a change stopped half-way), old enough not to be one in progress. */
    private boolean isStale(ScheduleLedger.Slot slot, ScheduleResource resource) {
        if (slot.reservedAt().plus(properties.reservationGrace()).isAfter(clock.instant())) {
            return false;
        }
        return sessions.findById(slot.sessionId()).filter(matchesSlot(slot, resource)).isEmpty();
    }

    private static Predicate<Session> matchesSlot(ScheduleLedger.Slot slot, ScheduleResource resource) {
        return session -> matches(slot, resource, session);
    }

    private static boolean matches(ScheduleLedger.Slot slot, ScheduleResource resource, Session session) {
        return session.status() == SessionStatus.SCHEDULED && resource.isUsedBy(session)
                && slot.isOf(session.id(), session.startsAt(), session.endsAt());
    }

    private RuleViolationException conflict(ScheduleResource resource, ScheduleLedger.Slot other) {
        String title = sessions.findById(other.sessionId()).map(Session::title).orElse("being scheduled");
        FieldViolation violation = resource.kind() == ScheduleResource.Kind.ROOM
                ? ScheduleConflicts.roomTaken(resource.name(), other.sessionId(), title, other.startsAt(),
                        other.endsAt())
                : ScheduleConflicts.chairTaken(resource.name(), other.sessionId(), title, other.startsAt(),
                        other.endsAt());
        return new RuleViolationException(ScheduleConflicts.RULE, violation.message(), List.of(violation));
    }

    private static String describe(ScheduleResource resource) {
        return (resource.kind() == ScheduleResource.Kind.ROOM ? "room " : "chair ") + resource.name();
    }
}
