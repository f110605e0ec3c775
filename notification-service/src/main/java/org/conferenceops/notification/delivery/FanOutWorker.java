package org.conferenceops.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.conferenceops.notification.background.BackgroundWork;
import org.conferenceops.platform.correlation.Correlation;
import org.conferenceops.platform.ids.RandomIds;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Works through fan-out jobs in batches on its own threads: take a lease on an unfinished job whose lease is free or
 * expired, deliver the next batch of targets, move the cursor (only if the lease is still ours), release. A
 * 10,000-recipient job is 20 leases of 500 targets (the default batch size); a job leased by one worker is skipped
 * by the others, so another event's message goes out on the other worker while a large fan-out runs. Consumers
 * never wait for it.
 */
@Component
class FanOutWorker extends BackgroundWork {

    private final MongoTemplate mongo;
    private final Deliverer deliverer;
    private final RetrySweeper sweeper;
    private final DeliverySettings settings;
    private final Clock clock;
    private final String owner = "worker-" + RandomIds.next();
    private final AtomicInteger pendingWakeUps = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong leases = new java.util.concurrent.atomic.AtomicLong();
    private final io.micrometer.core.instrument.DistributionSummary jobsPerLease;
    private final java.util.concurrent.atomic.AtomicLong lastSweep = new java.util.concurrent.atomic.AtomicLong(
            System.nanoTime() - Long.MAX_VALUE / 2);

    FanOutWorker(MongoTemplate mongo, Deliverer deliverer, RetrySweeper sweeper, DeliverySettings settings,
            Clock clock, io.micrometer.core.instrument.MeterRegistry meters) {
        // starts after the web server and messaging so that a job started at startup finds its transports
        super("notification-fanout", settings.workers(), Integer.MAX_VALUE - 100);
        this.mongo = mongo;
        this.deliverer = deliverer;
        this.sweeper = sweeper;
        this.settings = settings;
        this.clock = clock;
        // the work not yet begun or finished: a growing number means the workers do not keep up
        io.micrometer.core.instrument.Gauge.builder("notifications.fanout.pending", this,
                worker -> worker.mongo.count(Query.query(Criteria.where(FanOutJob.DONE).is(false)), FanOutJob.class))
                .description("fan-out jobs not done yet").register(meters);
        this.jobsPerLease = io.micrometer.core.instrument.DistributionSummary.builder("notifications.fanout.lease.jobs")
                .description("jobs delivered per lease (small jobs are taken together)").register(meters);
    }

    @Override
    protected void schedule() {
        for (int i = 0; i < threads(); i++) {
            every("fan-out", settings.pollInterval().multipliedBy(i + 1), settings.pollInterval(), this::pass);
        }
    }

    /** Something new to do: run a pass now instead of at the next poll (at most one waiting per thread). */
    void wakeUp() {
        if (pendingWakeUps.incrementAndGet() > threads()) {
            pendingWakeUps.decrementAndGet();
            return;
        }
        boolean queued = runSoon("fan-out", () -> {
            pendingWakeUps.decrementAndGet();
            pass();
        });
        if (!queued) {
            pendingWakeUps.decrementAndGet();
        }
    }

    /**
     * Works until no job is ready, then sweeps due retries — at most once per poll interval: under a stream of
     * one-recipient jobs (a seat event each) a sweep after every pass was a query per message for retries that
     * fall due in seconds, not milliseconds.
     */
    void pass() {
        while (runOnce()) {
            // next batch, possibly of another job
        }
        long now = System.nanoTime();
        long last = lastSweep.get();
        if (now - last >= settings.pollInterval().toNanos() && lastSweep.compareAndSet(last, now)) {
            sweeper.sweep();
        }
    }

    /**
     * Leases one ready job — an urgent one (a cancellation, a room change about to matter) before any other, so
     * that it does not wait behind a backlog of routine messages — and delivers its next batch; false when no job is
     * ready. Among jobs of one urgency the oldest comes first. When that job is small (at most {@link #SMALL_JOB}
     * targets left), up to {@link #GROUP} other small jobs of its urgency are leased with it and delivered together
     * (one route look-up, one insert, one cursor write for all): a stream of one-recipient jobs, a confirmation per
     * registration, took seven round trips to the database per job.
     */
    boolean runOnce() {
        Instant now = clock.instant();
        // each lease has its own owner token, so that the jobs taken by one lease can be found again
        String leaseOwner = owner + ":" + leases.incrementAndGet();
        Update lease = new Update().set(FanOutJob.LEASE_OWNER, leaseOwner).set(FanOutJob.LEASE_UNTIL,
                now.plus(settings.lease()));
        FanOutJob job = null;
        for (boolean urgent : new boolean[] {true, false}) {
            job = mongo.findAndModify(ready(urgent, now), lease, FindAndModifyOptions.options().returnNew(true),
                    FanOutJob.class);
            if (job != null) {
                break;
            }
        }
        if (job == null) {
            return false;
        }
        if (job.targets().size() - job.cursor() > SMALL_JOB) {
            jobsPerLease.record(1);
            processBatch(job);
            return true;
        }
        List<FanOutJob> group = new ArrayList<>();
        group.add(job);
        group.addAll(leaseSmallJobs(job, now, lease, leaseOwner));
        jobsPerLease.record(group.size());
        processGroup(group);
        return true;
    }

    /** A job with at most this many targets left is delivered together with other small ones. */
    static final int SMALL_JOB = 20;

    /** The most small jobs one lease takes. */
    static final int GROUP = 50;

    private static Query ready(boolean urgent, Instant now) {
        return Query.query(Criteria.where(FanOutJob.DONE).is(false).and(FanOutJob.URGENT).is(urgent)
                .orOperator(Criteria.where(FanOutJob.LEASE_UNTIL).is(null),
                        Criteria.where(FanOutJob.LEASE_UNTIL).lt(now)));
    }

    /**
     * Leases other ready small jobs of the first one's urgency, oldest first, under the same lease: their ids
     * found, the lease set on those still ready (a conditional update: another worker may take some meanwhile),
     * and the ones this lease holds read back by its owner token.
     */
    private List<FanOutJob> leaseSmallJobs(FanOutJob first, Instant now, Update lease, String leaseOwner) {
        Query smallOnes = ready(first.urgent(), now).addCriteria(Criteria.where(FanOutJob.TARGET_COUNT)
                .lte(SMALL_JOB)).limit(GROUP - 1);
        smallOnes.fields().include("_id");
        String collection = mongo.getCollectionName(FanOutJob.class);
        List<Object> ids = mongo.find(smallOnes, org.bson.Document.class, collection).stream()
                .map(document -> document.get("_id")).filter(id -> !first.id().equals(id)).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        mongo.updateMulti(ready(first.urgent(), now).addCriteria(Criteria.where("_id").in(ids)), lease,
                FanOutJob.class);
        return mongo.find(Query.query(Criteria.where("_id").in(ids).and(FanOutJob.LEASE_OWNER).is(leaseOwner)),
                FanOutJob.class);
    }

    /** Delivers the batch at the job's cursor, then moves the cursor and releases the lease. */
    void processBatch(FanOutJob job) {
        List<Target> targets = job.targets();
        int from = job.cursor();
        int to = Math.min(targets.size(), from + settings.batchSize());
        try (Correlation.Scope ignored = Correlation.open(job.correlationId(), job.sourceEventId())) {
            deliverer.deliverBatch(job, targets.subList(from, to));
        }
        mongo.updateFirst(stillLeased(job), advance(job, to), FanOutJob.class);
    }

    /** Delivers small jobs together, then finishes them all with one bulk write. */
    void processGroup(List<FanOutJob> jobs) {
        if (jobs.size() == 1) {
            processBatch(jobs.getFirst());
            return;
        }
        deliverer.deliverJobs(jobs);
        BulkOperations finished = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FanOutJob.class);
        for (FanOutJob job : jobs) {
            finished.updateOne(stillLeased(job), advance(job, job.targets().size()));
        }
        finished.execute();
    }

    /** The job as leased: the cursor not moved and the lease still the one it was taken under. */
    private static Query stillLeased(FanOutJob job) {
        return Query.query(Criteria.where("_id").is(job.id()).and(FanOutJob.CURSOR).is(job.cursor())
                .and(FanOutJob.LEASE_OWNER).is(job.leaseOwner()));
    }

    /** The cursor moved to {@code to}, the job done if that is its end, the lease released. */
    private Update advance(FanOutJob job, int to) {
        boolean done = to >= job.targets().size();
        Update advance = new Update().set(FanOutJob.CURSOR, to).set(FanOutJob.DONE, done)
                .set(FanOutJob.LEASE_OWNER, null).set(FanOutJob.LEASE_UNTIL, null);
        if (done) {
            advance.set(FanOutJob.COMPLETED_AT, clock.instant());
        }
        return advance;
    }
}
