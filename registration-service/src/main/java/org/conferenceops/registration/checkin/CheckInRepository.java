package org.conferenceops.registration.checkin;

import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface CheckInRepository extends MongoRepository<CheckIn, String> {

    List<CheckIn> findByConferenceIdAndDay(String conferenceId, String day);

    List<CheckIn> findByConferenceIdAndScannedAtGreaterThanEqual(String conferenceId, Instant since);

    List<CheckIn> findByDelegateIdOrderByScannedAtAsc(String delegateId);
}
