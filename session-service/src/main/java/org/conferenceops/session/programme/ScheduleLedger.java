package org.conferenceops.session.programme;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.conferenceops.platform.outbox.AggregateDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The booked time slots of one room, or of one chair within a conference: the document whose conditional write
 * (version check) makes scheduling race-free. Two organisers taking overlapping slots write the same document; the
 * second write fails on the version, looks again, sees the first slot and is refused. A slot names its session, so
 * a slot left behind by a change that did not finish (its session does not match it) can be recognised as stale.
 */
@Document("schedule_ledgers")
class ScheduleLedger extends AggregateDocument {

    @Id
    private final String id;
    private final String conferenceId;
    private final ScheduleResource resource;
    private final List<Slot> slots;

    /**
     * One session's use of the resource from {@code startsAt} to {@code endsAt} (UTC, end exclusive).
     *
     * @param reservedAt when the slot was taken; {@link Instant#EPOCH} for slots recorded from existing sessions
     */
    record Slot(String sessionId, Instant startsAt, Instant endsAt, Instant reservedAt) {

        boolean overlaps(Instant start, Instant end) {
            return startsAt.isBefore(end) && start.isBefore(endsAt);
        }

        boolean isOf(String session, Instant start, Instant end) {
            return sessionId.equals(session) && startsAt.equals(start) && endsAt.equals(end);
        }
    }

    @PersistenceCreator
    ScheduleLedger(String id, String conferenceId, ScheduleResource resource, List<Slot> slots) {
        this.id = id;
        this.conferenceId = conferenceId;
        this.resource = resource;
        this.slots = new ArrayList<>(slots);
    }

    /** A new ledger holding the slots of the sessions already scheduled on the resource. */
    static ScheduleLedger open(String conferenceId, ScheduleResource resource, List<Session> programme) {
        List<Slot> existing = programme.stream()
                .filter(s -> s.status() == SessionStatus.SCHEDULED && resource.isUsedBy(s))
                .map(s -> new Slot(s.id(), s.startsAt(), s.endsAt(), Instant.EPOCH)).toList();
        return new ScheduleLedger(resource.ledgerId(conferenceId), conferenceId, resource, existing);
    }

    /** Slots of other sessions overlapping the interval. */
    List<Slot> conflicts(String sessionId, Instant start, Instant end) {
        return slots.stream().filter(s -> !s.sessionId().equals(sessionId) && s.overlaps(start, end)).toList();
    }

    /** Whether the session already holds exactly this interval. */
    boolean holds(String sessionId, Instant start, Instant end) {
        return slots.stream().anyMatch(s -> s.isOf(sessionId, start, end));
    }

    void take(Slot slot) {
        slots.add(slot);
    }

    /** Removes the matching slots; whether any was. */
    boolean drop(Predicate<Slot> which) {
        return slots.removeIf(which);
    }

    String id() {
        return id;
    }

    String conferenceId() {
        return conferenceId;
    }

    ScheduleResource resource() {
        return resource;
    }

    List<Slot> slots() {
        return List.copyOf(slots);
    }
}
