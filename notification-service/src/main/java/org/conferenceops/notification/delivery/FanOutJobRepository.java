package org.conferenceops.notification.delivery;

import org.springframework.data.mongodb.repository.MongoRepository;

interface FanOutJobRepository extends MongoRepository<FanOutJob, String> {
}
