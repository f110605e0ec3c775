package org.conferenceops.pledge.programme;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The sessions read model. */
interface KnownSessionRepository extends MongoRepository<KnownSession, String> {
}
