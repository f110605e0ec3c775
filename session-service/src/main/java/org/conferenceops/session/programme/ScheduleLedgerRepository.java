package org.conferenceops.session.programme;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Ledgers of booked slots, one per room and per chair of a conference. */
interface ScheduleLedgerRepository extends MongoRepository<ScheduleLedger, String> {
}
