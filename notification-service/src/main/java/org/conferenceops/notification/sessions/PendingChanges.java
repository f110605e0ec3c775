package org.conferenceops.notification.sessions;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The changes to one session not yet told, one document per session, changed only by single atomic updates
 * ({@link SessionChanges}). {@code pending} collects changes until {@code dueAt} (the first change of a batch plus
 * the coalescing window); the sweep moves them to {@code inFlight} with a write conditional on {@code revision},
 * fans them out under ids derived from the batch, and clears {@code inFlight}. A sweep that dies half-way finds the
 * batch still in flight and fans it out again under the same ids, which sends nothing twice.
 * {@code lastChangeVersion} refuses a change that is not newer than the last one recorded: redelivery and replay.
 */
@Document("session_changes")
class PendingChanges {

    static final String PENDING = "pending";
    static final String PENDING_COUNT = "pendingCount";
    static final String IN_FLIGHT = "inFlight";
    static final String IN_FLIGHT_COUNT = "inFlightCount";
    static final String DUE_AT = "dueAt";
    static final String LAST_CHANGE_VERSION = "lastChangeVersion";
    static final String REVISION = "revision";

    @Id
    private final String sessionId;
    private final int revision;
    private final int lastChangeVersion;
    private final @Nullable List<ChangeNote> pending;
    private final int pendingCount;
    @Indexed(sparse = true)
    private final @Nullable Instant dueAt;
    private final @Nullable List<ChangeNote> inFlight;
    private final int inFlightCount;

    @PersistenceCreator
    PendingChanges(String sessionId, int revision, int lastChangeVersion, @Nullable List<ChangeNote> pending,
            int pendingCount, @Nullable Instant dueAt, @Nullable List<ChangeNote> inFlight,
            @Nullable Integer inFlightCount) {
        this.sessionId = sessionId;
        this.revision = revision;
        this.lastChangeVersion = lastChangeVersion;
        this.pending = pending;
        this.pendingCount = pendingCount;
        this.dueAt = dueAt;
        this.inFlight = inFlight;
        // absent until the first sweep takes a batch
        this.inFlightCount = inFlightCount == null ? 0 : inFlightCount;
    }

    String sessionId() {
        return sessionId;
    }

    int revision() {
        return revision;
    }

    List<ChangeNote> pending() {
        return pending == null ? List.of() : pending;
    }

    int pendingCount() {
        return pendingCount;
    }

    List<ChangeNote> inFlight() {
        return inFlight == null ? List.of() : inFlight;
    }

    int inFlightCount() {
        return inFlightCount;
    }
}
