package org.conferenceops.notification.recipients;

import org.springframework.data.mongodb.repository.MongoRepository;

interface FocalPointContactRepository extends MongoRepository<FocalPointContact, String> {
}
