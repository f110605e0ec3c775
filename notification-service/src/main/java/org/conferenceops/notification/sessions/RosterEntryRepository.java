package org.conferenceops.notification.sessions;

import org.springframework.data.mongodb.repository.MongoRepository;

interface RosterEntryRepository extends MongoRepository<RosterEntry, String> {
}
