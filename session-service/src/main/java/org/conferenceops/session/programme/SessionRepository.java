package org.conferenceops.session.programme;

import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Sessions, read by the programme and by the features that book and list them. */
public interface SessionRepository extends MongoRepository<Session, String> {

    List<Session> findByConferenceIdOrderByStartsAt(String conferenceId);

    List<Session> findByIdIn(Collection<String> ids);
}
