package org.conferenceops.platform.backbone;

import org.springframework.data.mongodb.repository.MongoRepository;

interface LedgerRepository extends MongoRepository<Ledger, String> {
}
