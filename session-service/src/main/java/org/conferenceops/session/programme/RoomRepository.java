package org.conferenceops.session.programme;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface RoomRepository extends MongoRepository<Room, String> {

    List<Room> findByConferenceIdOrderByName(String conferenceId);
}
