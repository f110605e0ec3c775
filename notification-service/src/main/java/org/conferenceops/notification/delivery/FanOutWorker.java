package org.conferenceops.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.conferenceops.platform.correlation.Correlation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Works through fan-out jobs in batches on its own threads: take a lease on an unfinished job whose lease is free or
 * expired, deliver the next batch of targets, move the cursor (only if the lease is still ours), release. A
 * 10,000-recipient job is 50 leases of 200 targets, interleaved with other jobs; consumers never wait for it.
 */
@Component
class FanOutWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FanOutWorker.class);

    private final MongoTemplate mongo;
    private final RouteResolver routes;
    private final Deliverer deliverer;
    private final RetrySweeper sweeper;
    private final DeliverySettings settings;
    private final Clock clock;
    private final String owner = "worker-" + UUID.randomUUID();
    private final AtomicInteger pendingWakeUps = new AtomicInteger();
    private @Nullable ScheduledExecutorService threads;

    FanOutWorker(MongoTemplate mongo, RouteResolver routes, Deliverer deliverer, RetrySweeper sweeper,
            DeliverySettings settings, Clock clock) {
        this.mongo = mongo;
        this.routes = routes;
        this.deliverer = deliverer;
        this.sweeper = sweeper;
        this.settings = settings;
        this.clock = clock;
    }

    /** Something new to do: run a pass now instead of at the next poll. */
    void wakeUp() {
        ScheduledExecutorService running = threads;
        if (running != null && pendingWakeUps.incrementAndGet() <= settings.workers()) {
            running.execute(() -> {
                pendingWakeUps.decrementAndGet();
                pass();
            });
        }
    }

    /** Works until no job is ready, then sweeps due retries. */
    void pass() {
        MDC.put("application", "notification-service");
        try {
            while (runOnce()) {
                // next batch, possibly of another job
            }
            sweeper.sweep();
        }
        catch (RuntimeException e) {
            log.warn("Fan-out pass failed; the next pass resumes: {}", e.toString());
        }
    }

    /** Leases one ready job and delivers its next batch; false when no job is ready. */
    boolean runOnce() {
        Instant now = clock.instant();
        Query ready = Query.query(Criteria.where(FanOutJob.DONE).is(false).orOperator(
                Criteria.where(FanOutJob.LEASE_UNTIL).is(null),
                Criteria.where(FanOutJob.LEASE_UNTIL).lt(now)));
        Update lease = new Update().set(FanOutJob.LEASE_OWNER, owner).set(FanOutJob.LEASE_UNTIL,
                now.plus(settings.lease()));
        FanOutJob job = mongo.findAndModify(ready, lease, FindAndModifyOptions.options().returnNew(true),
                FanOutJob.class);
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
            for (Target target : targets.subList(from, to)) {
                for (Route route : routes.routesFor(target, job.kind())) {
                    deliverer.deliver(job, target, route);
                }
            }
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

    @Override
    public void start() {
        threads = Executors.newScheduledThreadPool(settings.workers(), runnable -> {
            Thread thread = new Thread(runnable, "notification-fanout");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < settings.workers(); i++) {
            threads.scheduleWithFixedDelay(this::pass, settings.pollInterval().toMillis() * (i + 1),
                    settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = threads;
        threads = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return threads != null;
    }

    @Override
    public int getPhase() {
        // start after the web server and messaging so that a job started at startup finds its transports
        return Integer.MAX_VALUE - 100;
    }
}
