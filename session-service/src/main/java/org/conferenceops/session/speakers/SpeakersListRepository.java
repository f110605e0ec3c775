package org.conferenceops.session.speakers;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SpeakersListRepository extends MongoRepository<SpeakersList, String> {
}
