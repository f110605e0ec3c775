package org.conferenceops.registration.conferences;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ConferenceRepository extends MongoRepository<Conference, String> {
}
