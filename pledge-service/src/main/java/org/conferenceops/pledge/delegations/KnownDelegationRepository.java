package org.conferenceops.pledge.delegations;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The delegations read model. */
interface KnownDelegationRepository extends MongoRepository<KnownDelegation, String> {
}
