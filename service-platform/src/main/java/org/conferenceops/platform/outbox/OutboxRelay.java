package org.conferenceops.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.conferenceops.events.EventEnvelope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes outbox entries to Kafka and removes them once the broker has acknowledged them.
 *
 * <p>Guarantees: an entry is removed only after its send was acknowledged (acks=all), so nothing is lost when the
 * broker or this process fails; entries of one aggregate are sent strictly one after another, in the order they
 * were raised, so a failure can never let a later event overtake an earlier one; entries left by a crash are
 * simply found again on the next pass. The price is at-least-once delivery: an entry may be published again if the
 * process dies between the acknowledgement and the removal, which consumers absorb by remembering event ids.
 *
 * <p>It finds work with one indexed query per aggregate collection ({@code outboxSince} not null), so it runs the
 * same on a standalone MongoDB, a replica set, a sharded cluster and the embedded wire-protocol server. Replicas
 * share the work through a lease on each aggregate ({@code outboxLease}): set by the command that wrote the events,
 * for the relay of the process that wrote them ({@link #hold}), or claimed for a whole batch at once by a relay that
 * finds events no running relay holds. A batch whose entries were all published is removed with one conditional write
 * per aggregate.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /**
     * Relay-owned field of an aggregate document; not part of the aggregate's mapping, so a command's own fields never
     * touch it — only the hold {@link EventOutbox} adds to a command's write that raises events.
     */
    static final String LEASE = "outboxLease";
    private static final String LEASE_OWNER = LEASE + ".owner";
    private static final String LEASE_UNTIL = LEASE + ".until";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final List<String> collections;
    private final OutboxProperties properties;
    private final TraceContextSource traceContext;
    private final Clock clock;
    private final String serviceName;
    private final String owner;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicReference<@Nullable Instant> oldest = new AtomicReference<>();
    private final Counter published;
    private final Counter failures;

    private volatile boolean running;
    private volatile @Nullable Thread worker;
    private Instant gaugesRefreshedAt = Instant.EPOCH;
    private boolean failing;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, List<String> collections,
            OutboxProperties properties, TraceContextSource traceContext, Clock clock, MeterRegistry meters,
            String serviceName) {
        this.mongo = mongo;
        this.serviceName = serviceName;
        this.owner = serviceName + "/" + org.conferenceops.platform.ids.RandomIds.next();
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.properties = properties;
        this.traceContext = traceContext;
        this.clock = clock;
        Gauge.builder("outbox.backlog", backlog, AtomicLong::get)
                .description("Events stored in aggregates' outboxes and not yet acknowledged by Kafka")
                .baseUnit("events").register(meters);
        Gauge.builder("outbox.oldest.age", this, OutboxRelay::oldestAgeSeconds)
                .description("Age of the oldest unpublished event (0 when the outbox is empty)")
                .baseUnit("seconds").register(meters);
        this.published = Counter.builder("outbox.published").description("Events published and acknowledged")
                .register(meters);
        this.failures = Counter.builder("outbox.publish.failures")
                .description("Relay passes that failed to publish (broker unavailable, timeout)").register(meters);
    }

    /** The collections this relay watches. */
    public List<String> collections() {
        return collections;
    }

    /** Asks the relay to run a pass now instead of at the end of its poll interval. */
    public void wakeUp() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    /**
     * One pass over every collection: publishes what is pending, in order per aggregate.
     *
     * @return how many events were published and removed from outboxes
     * @throws OutboxPublishException when the broker did not acknowledge a send; what was acknowledged before is
     *                                still removed
     */
    public int relayOnce() {
        int count = 0;
        OutboxPublishException failure = null;
        try {
            for (String collection : collections) {
                try {
                    count += relay(collection);
                }
                catch (OutboxPublishException e) {
                    failure = e;
                }
            }
        }
        finally {
            refreshGaugesIfDue(failure != null);
        }
        if (failure != null) {
            throw failure;
        }
        return count;
    }

    private int relay(String collection) {
        List<Document> documents = claim(collection);
        if (documents.isEmpty()) {
            return 0;
        }
        Map<Object, List<Document>> remaining = new LinkedHashMap<>();
        Map<Object, Integer> read = new java.util.HashMap<>();
        for (Document document : documents) {
            List<Document> entries = document.getList(AggregateDocument.OUTBOX, Document.class, List.of());
            if (entries.isEmpty()) {
                // a marker without entries: the process stopped between removing published entries and clearing
                // the marker (two writes). Clear it now, or this aggregate would be claimed on every pass.
                clearMarkersIfEmpty(collection, List.of(document.get("_id")));
                continue;
            }
            remaining.put(document.get("_id"), new ArrayList<>(entries));
            read.put(document.get("_id"), entries.size());
        }
        Map<Object, List<String>> acknowledged = new LinkedHashMap<>();
        OutboxPublishException failure = null;
        // Round i sends the i-th pending entry of every aggregate at once and waits for all acknowledgements, so
        // aggregates are published in parallel while each aggregate's events stay strictly ordered.
        while (!remaining.isEmpty()) {
            Map<Object, CompletableFuture<SendResult<String, byte[]>>> round = new LinkedHashMap<>();
            Map<Object, String> roundIds = new LinkedHashMap<>();
            for (Map.Entry<Object, List<Document>> aggregate : remaining.entrySet()) {
                Document entry = aggregate.getValue().getFirst();
                roundIds.put(aggregate.getKey(), entry.getString("eventId"));
                round.put(aggregate.getKey(), send(entry));
            }
            for (Map.Entry<Object, CompletableFuture<SendResult<String, byte[]>>> send : round.entrySet()) {
                Object id = send.getKey();
                try {
                    send.getValue().get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    acknowledged.computeIfAbsent(id, k -> new ArrayList<>()).add(roundIds.get(id));
                    List<Document> rest = remaining.get(id);
                    rest.removeFirst();
                    if (rest.isEmpty()) {
                        remaining.remove(id);
                    }
                }
                catch (Exception e) {
                    remaining.remove(id);
                    if (failure == null) {
                        failure = new OutboxPublishException("broker did not acknowledge event " + roundIds.get(id)
                                + " from " + collection + ": " + rootMessage(e), e);
                    }
                }
            }
        }
        int count = removeAll(collection, acknowledged, read);
        published.increment(count);
        if (failure != null) {
            throw failure;
        }
        return count;
    }

    private CompletableFuture<SendResult<String, byte[]>> send(Document entry) {
        try {
            return sendAsync(entry);
        }
        catch (RuntimeException e) {
            // e.g. no metadata within max.block.ms while the broker is away: a failed send like any other
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<SendResult<String, byte[]>> sendAsync(Document entry) {
        String cloudEvent = entry.getString("cloudEvent");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(entry.getString("topic"), entry.getString("key"),
                cloudEvent.getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", EventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        AtomicReference<CompletableFuture<SendResult<String, byte[]>>> future = new AtomicReference<>();
        traceContext.runInSpan("outbox publish", entry.getString("traceparent"), () -> future.set(kafka.send(record)));
        return future.get();
    }

    /**
     * The lease ({@code outboxLease}) that holds an aggregate a command is about to write events to for this relay,
     * set by that command's own write: the events a process writes are published by its own relay, which then needs
     * no claim of its own before sending them (one write per aggregate fewer). Another relay leaves the aggregate alone until the hold
     * runs out ({@code lease-duration}), so a writer that dies delays its unpublished events at most that long. Only
     * a running relay holds anything; a stopped one leaves new events to whichever relay claims them. A command
     * writing to an aggregate another relay is sending from takes it over: that relay's pass ends as it would have,
     * and an entry both send is published twice (at least once, consumers drop the repeat), never out of order.
     */
    @Nullable Document hold() {
        if (!running || !properties.enabled()) {
            return null;
        }
        return new Document("owner", owner)
                .append("until", java.util.Date.from(clock.instant().plus(properties.leaseDuration())));
    }

    /**
     * Finds aggregates with pending events that no other relay holds and returns those this relay now holds: the
     * ones its own process wrote (held by the write itself, with at least half the lease left) as they are, the
     * others after leasing them to this relay with one write for the whole batch. Several replicas of a service can
     * thus relay side by side without publishing the same entries twice; a lease left by a relay that died expires
     * and is taken over.
     */
    private List<Document> claim(String collection) {
        Instant now = clock.instant();
        Query candidates = Query.query(Criteria.where(AggregateDocument.OUTBOX_SINCE).ne(null).andOperator(claimable(now)))
                .with(Sort.by(AggregateDocument.OUTBOX_SINCE)).limit(properties.batchSize());
        candidates.fields().include(AggregateDocument.OUTBOX).include(LEASE);
        Instant heldLongEnough = now.plus(properties.leaseDuration().dividedBy(2));
        List<Document> held = new ArrayList<>();
        List<Object> toClaim = new ArrayList<>();
        for (Document candidate : mongo.find(candidates, Document.class, collection)) {
            if (heldBySelfUntilAfter(candidate, heldLongEnough)) {
                held.add(candidate);
            }
            else {
                toClaim.add(candidate.get("_id"));
            }
        }
        if (toClaim.isEmpty()) {
            return held;
        }
        mongo.updateMulti(Query.query(Criteria.where("_id").in(toClaim).andOperator(claimable(now))),
                new Update().set(LEASE_OWNER, owner).set(LEASE_UNTIL, now.plus(properties.leaseDuration())),
                collection);
        Query claimed = Query.query(Criteria.where("_id").in(toClaim).and(LEASE_OWNER).is(owner))
                .with(Sort.by(AggregateDocument.OUTBOX_SINCE));
        claimed.fields().include(AggregateDocument.OUTBOX);
        held.addAll(mongo.find(claimed, Document.class, collection));
        return held;
    }

    private boolean heldBySelfUntilAfter(Document candidate, Instant instant) {
        if (!(candidate.get(LEASE) instanceof Document lease) || !owner.equals(lease.get("owner"))) {
            return false;
        }
        return lease.get("until") instanceof java.util.Date until && until.toInstant().isAfter(instant);
    }

    private Criteria claimable(Instant now) {
        return new Criteria().orOperator(Criteria.where(LEASE_UNTIL).exists(false), Criteria.where(LEASE_UNTIL).lt(now),
                Criteria.where(LEASE_OWNER).is(owner));
    }

    /**
     * Removes the published entries of the batch's aggregates. An aggregate whose every entry read was published, and
     * to which nothing was appended since, is emptied and released with one conditional write (all of its writes in
     * one unordered bulk): its outbox must still hold exactly the entries read, by count and event id. Where that
     * fails (a command appended meanwhile) or only some were published (a send failed), the published entries are
     * pulled by event id and the marker cleared if the outbox is then empty: two writes for the whole batch (event
     * ids are unique, so pulling the batch's ids from each of its aggregates removes exactly what each published).
     * Returns how many entries were published.
     */
    private int removeAll(String collection, Map<Object, List<String>> acknowledged, Map<Object, Integer> read) {
        if (acknowledged.isEmpty()) {
            return 0;
        }
        Map<Object, List<String>> pulled = new LinkedHashMap<>();
        BulkOperations emptied = null;
        Map<Object, List<String>> toEmpty = new LinkedHashMap<>();
        for (Map.Entry<Object, List<String>> aggregate : acknowledged.entrySet()) {
            List<String> eventIds = aggregate.getValue();
            if (eventIds.size() != read.getOrDefault(aggregate.getKey(), -1)) {
                pulled.put(aggregate.getKey(), eventIds);
                continue;
            }
            if (emptied == null) {
                emptied = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            }
            emptied.updateOne(Query.query(Criteria.where("_id").is(aggregate.getKey())
                    .and(AggregateDocument.OUTBOX).size(eventIds.size())
                    .and(AggregateDocument.OUTBOX + ".eventId").all(eventIds)),
                    new Update().set(AggregateDocument.OUTBOX, List.of()).unset(AggregateDocument.OUTBOX_SINCE)
                            .unset(LEASE));
            toEmpty.put(aggregate.getKey(), eventIds);
        }
        if (emptied != null && emptied.execute().getMatchedCount() < toEmpty.size()) {
            // some had entries appended meanwhile (the bulk result does not say which): pull from all of them,
            // which changes nothing on those already emptied
            pulled.putAll(toEmpty);
        }
        if (!pulled.isEmpty()) {
            List<String> eventIds = pulled.values().stream().flatMap(List::stream).toList();
            List<Object> ids = List.copyOf(pulled.keySet());
            mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)), new Update().pull(AggregateDocument.OUTBOX,
                    Query.query(Criteria.where("eventId").in(eventIds)).getQueryObject()), collection);
            clearMarkersIfEmpty(collection, ids);
        }
        return acknowledged.values().stream().mapToInt(List::size).sum();
    }

    /** Cleared only if nothing was appended meanwhile; a concurrent command's own write keeps its marker. */
    private void clearMarkersIfEmpty(String collection, List<Object> ids) {
        mongo.updateMulti(Query.query(Criteria.where("_id").in(ids).and(AggregateDocument.OUTBOX).size(0)),
                new Update().unset(AggregateDocument.OUTBOX_SINCE).unset(LEASE), collection);
    }

    private void refreshGaugesIfDue(boolean force) {
        Instant now = clock.instant();
        if (!force && Duration.between(gaugesRefreshedAt, now).compareTo(properties.metricsRefresh()) < 0) {
            return;
        }
        gaugesRefreshedAt = now;
        long total = 0;
        Instant oldestSeen = null;
        for (String collection : collections) {
            Query pending = Query.query(Criteria.where(AggregateDocument.OUTBOX_SINCE).ne(null)).limit(10_000);
            pending.fields().include(AggregateDocument.OUTBOX).include(AggregateDocument.OUTBOX_SINCE);
            for (Document document : mongo.find(pending, Document.class, collection)) {
                total += document.getList(AggregateDocument.OUTBOX, Document.class, List.of()).size();
                java.util.Date since = document.getDate(AggregateDocument.OUTBOX_SINCE);
                if (since != null && (oldestSeen == null || since.toInstant().isBefore(oldestSeen))) {
                    oldestSeen = since.toInstant();
                }
            }
        }
        backlog.set(total);
        oldest.set(oldestSeen);
    }

    private double oldestAgeSeconds() {
        Instant since = oldest.get();
        return since == null ? 0 : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }

    private void loop() {
        // several services may share one JVM (the local stack): tag this thread's log lines with its service
        org.slf4j.MDC.put("application", serviceName);
        long backoff = properties.pollInterval().toMillis();
        while (running) {
            try {
                int count = relayOnce();
                if (failing) {
                    log.info("Outbox relay recovered: publishing again");
                    failing = false;
                }
                backoff = properties.pollInterval().toMillis();
                if (count == 0) {
                    pause(backoff);
                }
            }
            catch (OutboxPublishException e) {
                failures.increment();
                if (!failing) {
                    log.warn("Outbox relay cannot publish, events stay stored and will be retried: {}", e.getMessage());
                    failing = true;
                }
                backoff = Math.min(backoff * 2, properties.maxBackoff().toMillis());
                pause(backoff);
            }
            catch (RuntimeException e) {
                failures.increment();
                log.warn("Outbox relay pass failed, retrying in {} ms", backoff, e);
                backoff = Math.min(backoff * 2, properties.maxBackoff().toMillis());
                pause(backoff);
            }
        }
    }

    private void pause(long millis) {
        try {
            if (wakeUp.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
                wakeUp.drainPermits();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @Override
    public void start() {
        if (!properties.enabled() || running) {
            return;
        }
        running = true;
        Thread thread = Thread.ofPlatform().name("outbox-relay-" + serviceName).daemon(true).unstarted(this::loop);
        worker = thread;
        thread.start();
        log.info("Outbox relay started for collections {}", collections);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            wakeUp();
            try {
                thread.join(properties.sendTimeout().toMillis() + 1000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stop after the web server and consumers (which may still raise events), before Kafka's producer closes.
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
