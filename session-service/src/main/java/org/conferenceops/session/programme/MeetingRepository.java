package org.conferenceops.session.programme;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface MeetingRepository extends MongoRepository<Meeting, String> {

    List<Meeting> findByConferenceIdOrderByFirstDay(String conferenceId);
}
