package org.conferenceops.registration.delegates;

import org.springframework.data.mongodb.repository.MongoRepository;

interface BulkImportRepository extends MongoRepository<BulkImport, String> {
}
