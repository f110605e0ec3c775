package org.conferenceops.session.accreditation;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The accredited-delegate read model. */
public interface AccreditedDelegateRepository extends MongoRepository<AccreditedDelegate, String> {
}
