package org.conferenceops.session.seats;

import java.util.List;
import java.util.Optional;
import org.conferenceops.events.session.Attendance;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Atomic operations on seat counters; each is one conditional {@code findAndModify} on one document. */
@Component
class SeatCounters {

    private static final FindAndModifyOptions NEW = FindAndModifyOptions.options().returnNew(true);
    private static final FindAndModifyOptions UPSERT_NEW = FindAndModifyOptions.options().returnNew(true).upsert(true);

    private final MongoTemplate mongo;

    SeatCounters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String key(String sessionId, Attendance attendance) {
        return sessionId + "/" + attendance.name();
    }

    /** Creates the counter with the session's capacity if it does not exist yet; never changes an existing one. */
    void ensure(String key, int capacity) {
        mongo.findAndModify(byId(key), new Update().setOnInsert("capacity", capacity).setOnInsert("free", capacity)
                .setOnInsert("arrivals", 0L).setOnInsert("waiting", 0), UPSERT_NEW, SeatCounter.class);
    }

    /**
     * A new arrival's place: a free seat when there is one, else the next place on the waitlist, on a counter
     * created with {@code capacity} the first time. The counter is created only when neither operation found it:
     * creating it (an upsert) before every booking was a third of the writes on the one document a booking rush
     * contends for.
     *
     * @return the counter as the claim left it, and whether the arrival got a seat
     */
    Arrival arrive(String key, int capacity) {
        for (int attempt = 0; attempt < ARRIVAL_ATTEMPTS; attempt++) {
            Optional<SeatCounter> seat = claimSeat(key);
            if (seat.isPresent()) {
                return new Arrival(seat.get(), true);
            }
            // only onto a full session's waitlist: the counter may have been created, or a seat freed, since the
            // claim found none (a concurrent first booking creating the counter made another one wait with seats free)
            SeatCounter waiting = joinWaitlistWhenFull(key);
            if (waiting != null) {
                return new Arrival(waiting, false);
            }
            ensure(key, capacity);
        }
        // seats coming and going faster than this arrival can take one: it waits, and the caller's check for a free
        // seat after storing it promotes the first waiting
        ensure(key, capacity);
        SeatCounter waiting = joinWaitlist(key);
        if (waiting == null) {
            throw new IllegalStateException("seat counter " + key + " vanished after it was created");
        }
        return new Arrival(waiting, false);
    }

    private static final int ARRIVAL_ATTEMPTS = 5;

    /** {@link #joinWaitlist}, only while no seat is free; null otherwise or when the counter does not exist. */
    private @org.jspecify.annotations.Nullable SeatCounter joinWaitlistWhenFull(String key) {
        return mongo.findAndModify(byId(key).addCriteria(Criteria.where("free").lte(0)),
                new Update().inc("arrivals", 1).inc("waiting", 1), NEW, SeatCounter.class);
    }

    /** Where an arrival landed: on a seat, or on the waitlist. */
    record Arrival(SeatCounter counter, boolean seat) {
    }

    /** Takes a free seat for a new arrival, or nothing when none is free. */
    Optional<SeatCounter> claimSeat(String key) {
        return Optional.ofNullable(mongo.findAndModify(byId(key).addCriteria(Criteria.where("free").gt(0)),
                new Update().inc("free", -1).inc("arrivals", 1), NEW, SeatCounter.class));
    }

    /**
     * Puts a new arrival on the waitlist: its arrival number and position come back in the counter; null when the
     * counter does not exist.
     */
    @org.jspecify.annotations.Nullable SeatCounter joinWaitlist(String key) {
        return mongo.findAndModify(byId(key), new Update().inc("arrivals", 1).inc("waiting", 1), NEW,
                SeatCounter.class);
    }

    /** Takes a free seat for the first on the waitlist, or nothing when none is free. */
    Optional<SeatCounter> claimForPromotion(String key) {
        return Optional.ofNullable(mongo.findAndModify(byId(key).addCriteria(Criteria.where("free").gt(0)),
                new Update().inc("free", -1).inc("waiting", -1), NEW, SeatCounter.class));
    }

    /** Undoes {@link #claimForPromotion} when there was nobody to promote after all. */
    void undoPromotion(String key) {
        change(key, new Update().inc("free", 1).inc("waiting", 1));
    }

    /** A seat was given back (released, or a claim not used). */
    SeatCounter seatFreed(String key) {
        return change(key, new Update().inc("free", 1));
    }

    /** A waiting booking left the waitlist without a seat, or a waitlist place was not used. */
    void leftWaitlist(String key) {
        change(key, new Update().inc("waiting", -1));
    }

    /** A confirmed booking went to the waitlist because capacity went down. */
    void demoted(String key) {
        change(key, new Update().inc("free", 1).inc("waiting", 1));
    }

    /** Sets a new capacity; free seats move by the difference (negative means seats must be taken back). */
    SeatCounter resize(String key, int capacity) {
        while (true) {
            SeatCounter current = mongo.findOne(byId(key), SeatCounter.class);
            if (current == null) {
                ensure(key, capacity);
                continue;
            }
            SeatCounter changed = mongo.findAndModify(
                    byId(key).addCriteria(Criteria.where("capacity").is(current.capacity())),
                    new Update().set("capacity", capacity).inc("free", capacity - current.capacity()), NEW,
                    SeatCounter.class);
            if (changed != null) {
                return changed;
            }
        }
    }

    /**
     * Sets {@code free} and {@code waiting} to recounted values, only if the counter is still exactly as it was
     * seen; false when anything changed it meanwhile.
     */
    boolean repair(SeatCounter seen, int free, int waiting) {
        Query unchanged = byId(seen.id()).addCriteria(Criteria.where("capacity").is(seen.capacity()))
                .addCriteria(Criteria.where("free").is(seen.free()))
                .addCriteria(Criteria.where("arrivals").is(seen.arrivals()))
                .addCriteria(Criteria.where("waiting").is(seen.waiting()));
        return mongo.findAndModify(unchanged, new Update().set("free", free).set("waiting", waiting), NEW,
                SeatCounter.class) != null;
    }

    /** Every counter, for the scheduled reconciliation. */
    List<SeatCounter> all() {
        return mongo.findAll(SeatCounter.class);
    }

    Optional<SeatCounter> find(String key) {
        return Optional.ofNullable(mongo.findOne(byId(key), SeatCounter.class));
    }

    private SeatCounter change(String key, Update update) {
        return mongo.findAndModify(byId(key), update, NEW, SeatCounter.class);
    }

    private static Query byId(String key) {
        return Query.query(Criteria.where("_id").is(key));
    }
}
