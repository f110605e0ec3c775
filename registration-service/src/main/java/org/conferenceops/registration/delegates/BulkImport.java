package org.conferenceops.registration.delegates;

import java.time.Instant;
import org.conferenceops.platform.outbox.AggregateDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The idempotency record of a bulk upload sent with an {@code Idempotency-Key}: which request it was (a hash of the
 * body) and, once done, its report. A retry of a finished upload gets the stored report; a retry of an interrupted
 * one runs again and, because row ids derive from the key, creates nothing twice.
 */
@Document("bulk_imports")
class BulkImport extends AggregateDocument {

    @Id
    private final String id;
    private final String requestHash;
    private @Nullable BulkReport report;
    private final Instant startedAt;
    private @Nullable Instant completedAt;

    @PersistenceCreator
    BulkImport(String id, String requestHash, @Nullable BulkReport report, Instant startedAt,
            @Nullable Instant completedAt) {
        this.id = id;
        this.requestHash = requestHash;
        this.report = report;
        this.startedAt = startedAt;
        this.completedAt = completedAt;
    }

    static BulkImport start(String id, String requestHash, Instant now) {
        return new BulkImport(id, requestHash, null, now, null);
    }

    void complete(BulkReport report, Instant now) {
        this.report = report;
        this.completedAt = now;
    }

    String requestHash() {
        return requestHash;
    }

    @Nullable BulkReport report() {
        return report;
    }
}
