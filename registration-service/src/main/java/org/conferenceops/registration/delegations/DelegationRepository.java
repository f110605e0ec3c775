package org.conferenceops.registration.delegations;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface DelegationRepository extends MongoRepository<Delegation, String> {

    List<Delegation> findByConferenceIdOrderByCodeAsc(String conferenceId);
}
