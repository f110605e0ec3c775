package org.conferenceops.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.conferenceops.notification.background.BackgroundWork;
import org.conferenceops.platform.correlation.Correlation;
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
    private final String owner = "worker-" + UUID.randomUUID();
    private final AtomicInteger pendingWakeUps = new AtomicInteger();
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
     * ready. Among jobs of one urgency the oldest comes first.
     */
    boolean runOnce() {
        Instant now = clock.instant();
        Update lease = new Update().set(FanOutJob.LEASE_OWNER, owner).set(FanOutJob.LEASE_UNTIL,
                now.plus(settings.lease()));
        FanOutJob job = null;
        for (boolean urgent : new boolean[] {true, false}) {
            Query ready = Query.query(Criteria.where(FanOutJob.DONE).is(false).and(FanOutJob.URGENT).is(urgent)
                    .orOperator(Criteria.where(FanOutJob.LEASE_UNTIL).is(null),
                            Criteria.where(FanOutJob.LEASE_UNTIL).lt(now)));
            job = mongo.findAndModify(ready, lease, FindAndModifyOptions.options().returnNew(true),
                    FanOutJob.class);
            if (job != null) {
                break;
            }
        }
        if (job == null) {
            return false;
        }
        processBatch(job);
        return true;
    }

    /** Delivers the batch at the job's cursor, then moves the cursor and releases the lease. */
    void processBatch(FanOutJob job) {
        List<Target> targets = job.targets();
        int from = job.cursor();
        int to = Math.min(targets.size(), from + settings.batchSize());
        try (Correlation.Scope ignored = Correlation.open(job.correlationId(), job.sourceEventId())) {
            deliverer.deliverBatch(job, targets.subList(from, to));
        }
        boolean done = to >= targets.size();
        Update advance = new Update().set(FanOutJob.CURSOR, to).set(FanOutJob.DONE, done)
                .set(FanOutJob.LEASE_OWNER, null).set(FanOutJob.LEASE_UNTIL, null);
        if (done) {
            advance.set("completedAt", clock.instant());
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(job.id()).and(FanOutJob.CURSOR).is(from)
                .and(FanOutJob.LEASE_OWNER).is(job.leaseOwner())), advance, FanOutJob.class);
    }
}
