package org.conferenceops.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The fan-out of one source event: its audience and how far delivery got. Its id is derived from the source event,
 * so a redelivered or replayed event finds the job it already started. Workers take a lease on a job, deliver one
 * batch of targets, and move the cursor with a conditional write; a worker that dies leaves a lease that expires,
 * and the next one resumes at the cursor. Notifications are created under deterministic ids, so a batch run twice
 * sends nothing twice.
 */
@Document("fanout_jobs")
// workers look for the few jobs not done among all the finished ones, urgent ones first
@org.springframework.data.mongodb.core.index.CompoundIndex(name = "done_urgent", def = "{'done': 1, 'urgent': 1}")
class FanOutJob {

    static final String CURSOR = "cursor";
    static final String DONE = "done";
    static final String URGENT = "urgent";
    static final String LEASE_OWNER = "leaseOwner";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String COMPLETED_AT = "completedAt";
    static final String TARGET_COUNT = "targetCount";

    @Id
    private final String id;
    private final String sourceEventId;
    private final @Nullable String correlationId;
    private final String kind;
    private final boolean urgent;
    private final Map<String, String> values;
    private final List<Target> targets;
    private final String conferenceId;
    private final @Nullable String delegationId;
    private final @Nullable String sessionId;
    private final int cursor;
    private final boolean done;
    private final @Nullable String leaseOwner;
    private final @Nullable Instant leaseUntil;
    private final Instant createdAt;
    private final String deliveryKey;
    // a field of the document, not only of the update that sets it: the mapper resolves every updated field against
    // the class and throws (and catches) an exception for each one it does not know — two per job finished
    private final @Nullable Instant completedAt;
    // stored so that a worker can ask for small jobs (to deliver several at once) without reading their targets
    private final int targetCount;

    @PersistenceCreator
    FanOutJob(String id, String sourceEventId, @Nullable String correlationId, String kind, boolean urgent,
            Map<String, String> values, List<Target> targets, String conferenceId, @Nullable String delegationId,
            @Nullable String sessionId, int cursor, boolean done, @Nullable String leaseOwner,
            @Nullable Instant leaseUntil, Instant createdAt, @Nullable String deliveryKey,
            @Nullable Instant completedAt, @Nullable Integer targetCount) {
        this.id = id;
        this.sourceEventId = sourceEventId;
        this.correlationId = correlationId;
        this.kind = kind;
        this.urgent = urgent;
        this.values = values;
        this.targets = targets;
        this.conferenceId = conferenceId;
        this.delegationId = delegationId;
        this.sessionId = sessionId;
        this.cursor = cursor;
        this.done = done;
        this.leaseOwner = leaseOwner;
        this.leaseUntil = leaseUntil;
        this.createdAt = createdAt;
        // jobs stored before delivery keys existed: their notifications are about the source event
        this.deliveryKey = deliveryKey == null ? sourceEventId : deliveryKey;
        this.completedAt = completedAt;
        // jobs stored before the count was: counted when read (they are never taken as a small job)
        this.targetCount = targetCount == null ? targets.size() : targetCount;
    }

    static String idFor(String sourceEventId) {
        return "job-" + sourceEventId;
    }

    static FanOutJob of(FanOutRequest request, Instant now) {
        return new FanOutJob(idFor(request.sourceEventId()), request.sourceEventId(), request.correlationId(),
                request.kind(), request.urgent(), request.values(), request.targets(), request.conferenceId(),
                request.delegationId(), request.sessionId(), 0, request.targets().isEmpty(), null, null, now,
                request.deliveryKey(), null, request.targets().size());
    }

    /** The same job, held by a worker until {@code until}: how a test stands in for a worker that died. */
    FanOutJob leasedTo(String owner, Instant until) {
        return new FanOutJob(id, sourceEventId, correlationId, kind, urgent, values, targets, conferenceId,
                delegationId, sessionId, cursor, done, owner, until, createdAt, deliveryKey, completedAt, targetCount);
    }

    String id() {
        return id;
    }

    String sourceEventId() {
        return sourceEventId;
    }

    @Nullable String correlationId() {
        return correlationId;
    }

    String kind() {
        return kind;
    }

    boolean urgent() {
        return urgent;
    }

    Map<String, String> values() {
        return values;
    }

    List<Target> targets() {
        return targets;
    }

    String conferenceId() {
        return conferenceId;
    }

    @Nullable String delegationId() {
        return delegationId;
    }

    @Nullable String sessionId() {
        return sessionId;
    }

    int cursor() {
        return cursor;
    }

    boolean done() {
        return done;
    }

    @Nullable String leaseOwner() {
        return leaseOwner;
    }

    @Nullable Instant leaseUntil() {
        return leaseUntil;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** What its notifications are about: one per (delivery key, recipient, channel); see {@link FanOutRequest}. */
    String deliveryKey() {
        return deliveryKey;
    }
}
