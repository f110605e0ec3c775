package org.conferenceops.registration.delegates;

import org.springframework.data.mongodb.repository.MongoRepository;

interface DelegateRepository extends MongoRepository<Delegate, String> {
}
