package org.conferenceops.session.seats;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The seat counter of one (session, attendance): how many seats are free and how many bookings wait, changed only by
 * single conditional {@code findAndModify} operations, so that concurrent bookings never take more seats than there
 * are. It carries no events: it is the lock that decides, the bookings are the aggregates that tell (ADR 010).
 *
 * @param id       {@code <sessionId>/<attendance>}
 * @param capacity the seats there are
 * @param free     seats not taken; negative right after a capacity reduction, until the excess is waitlisted
 * @param arrivals how many booking requests arrived (the arrival number of the latest)
 * @param waiting  how many bookings are on the waitlist
 */
@Document("seat_counters")
record SeatCounter(@Id String id, int capacity, int free, long arrivals, int waiting) {

    @PersistenceCreator
    SeatCounter {
    }
}
