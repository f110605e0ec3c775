package org.conferenceops.platform.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.conferenceops.events.EventCodec;
import org.conferenceops.events.EventEnvelope;
import org.conferenceops.events.Topics;
import org.conferenceops.platform.messaging.DeadLetterEndpoint;
import org.conferenceops.platform.outbox.EventOutbox;
import org.conferenceops.platform.outbox.OutboxRelay;
import org.conferenceops.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The event backbone through a real Kafka broker and the chosen MongoDB. */
@SpringBootTest(classes = BackboneTestApplication.class)
class EventBackboneIT {

    @Autowired
    LedgerCommands commands;
    @Autowired
    EventOutbox outbox;
    @Autowired
    LedgerRepository ledgers;
    @Autowired
    LedgerProjector.Projections projections;
    @Autowired
    LedgerProjector projector;
    @Autowired
    EventCodec codec;
    @Autowired
    Tracer tracer;
    @Autowired
    DeadLetterEndpoint deadLetterEndpoint;
    @Autowired
    OutboxRelay relay;
    @Autowired
    com.mongodb.client.MongoClient mongoClient;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;
    @Autowired
    org.springframework.kafka.core.KafkaTemplate<String, byte[]> outboxKafkaTemplate;
    @Autowired
    org.conferenceops.platform.outbox.OutboxProperties outboxProperties;
    @Autowired
    org.conferenceops.platform.outbox.TraceContextSource traceContextSource;

    private KafkaProbe events;
    private KafkaProbe deadLetters;

    @BeforeEach
    void probes() {
        String kafka = TestInfrastructure.get().kafkaBootstrapServers();
        events = new KafkaProbe(kafka, BackboneTestApplication.TOPIC);
        deadLetters = new KafkaProbe(kafka, Topics.deadLetter("backbone-test"));
    }

    @AfterEach
    void closeProbes() {
        events.close();
        deadLetters.close();
    }

    @Test
    void eventsOfOneAggregateArePublishedOnceEachInTheOrderTheyWereRaised() {
        String first = "ledger-" + UUID.randomUUID();
        String second = "ledger-" + UUID.randomUUID();
        for (int i = 0; i < 30; i++) {
            commands.addEntry(first, false);
            commands.addEntry(second, false);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sequences(events.recordsWithKey(first))).hasSize(30);
            assertThat(sequences(events.recordsWithKey(second))).hasSize(30);
        });
        assertThat(sequences(events.recordsWithKey(first))).isEqualTo(IntStream.rangeClosed(1, 30).boxed().toList());
        assertThat(sequences(events.recordsWithKey(second))).isEqualTo(IntStream.rangeClosed(1, 30).boxed().toList());
        assertThat(versions(events.recordsWithKey(first))).isSorted().doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ledgers.findById(first).orElseThrow().pendingEvents()).isEmpty());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(projections.findById(first).orElseThrow().applied())
                        .isEqualTo(IntStream.rangeClosed(1, 30).boxed().toList()));
    }

    @Test
    void aBulkSaveWritesEachChangeWithItsEventsOrNothingForAnAggregateChangedMeanwhile() {
        List<String> ids = IntStream.range(0, 3).mapToObj(i -> "ledger-" + UUID.randomUUID()).toList();
        ids.forEach(id -> commands.addEntry(id, false));
        List<Ledger> loaded = ids.stream().map(id -> ledgers.findById(id).orElseThrow()).toList();
        // another writer changes the third ledger after it was loaded
        commands.addEntry(ids.get(2), false);

        List<EventOutbox.Change<Ledger>> changes = loaded.stream()
                .map(ledger -> new EventOutbox.Change<>(ledger, ledger.add(false))).toList();
        EventOutbox.BulkSave saved = outbox.saveAll(changes);

        assertThat(saved).isEqualTo(new EventOutbox.BulkSave(2, 1));
        assertThat(ledgers.findById(ids.get(0)).orElseThrow().entries()).isEqualTo(2);
        assertThat(ledgers.findById(ids.get(1)).orElseThrow().entries()).isEqualTo(2);
        // the refused change wrote nothing: the ledger holds the other writer's entry, and one event per entry
        assertThat(ledgers.findById(ids.get(2)).orElseThrow().entries()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sequences(events.recordsWithKey(ids.get(0)))).containsExactly(1, 2);
            assertThat(sequences(events.recordsWithKey(ids.get(1)))).containsExactly(1, 2);
            assertThat(sequences(events.recordsWithKey(ids.get(2)))).containsExactly(1, 2);
        });
        assertThat(loaded.getFirst().version()).as("versions are not known to be written when one was refused")
                .isEqualTo(ledgers.findById(ids.get(0)).orElseThrow().version() - 1);
    }

    @Test
    void aDuplicateDeliveryHasOneEffect() throws Exception {
        String ledger = "ledger-" + UUID.randomUUID();
        commands.addEntry(ledger, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> !events.recordsWithKey(ledger).isEmpty());
        byte[] published = events.recordsWithKey(ledger).getFirst().value();

        events.send(BackboneTestApplication.TOPIC, ledger, published);
        events.send(BackboneTestApplication.TOPIC, ledger, published);
        commands.addEntry(ledger, false);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(events.recordsWithKey(ledger)).as("the original, two copies, the next event").hasSize(4);
            assertThat(projections.findById(ledger).orElseThrow().applied()).containsExactly(1, 2);
        });
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicWithItsReasonAndTheNextMessageIsProcessed() throws Exception {
        String ledger = "ledger-" + UUID.randomUUID();

        events.send(BackboneTestApplication.TOPIC, ledger, "{ this is not an event".getBytes(StandardCharsets.UTF_8));
        commands.addEntry(ledger, false);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(projections.findById(ledger)).hasValueSatisfying(p -> assertThat(p.applied()).containsExactly(1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> dead = deadLetters.recordsWithKey(ledger);
            assertThat(dead).hasSize(1);
            assertThat(new String(dead.getFirst().value(), StandardCharsets.UTF_8)).isEqualTo("{ this is not an event");
            assertThat(KafkaProbe.header(dead.getFirst(), "x-exception-message")).contains("record value is not JSON");
            assertThat(KafkaProbe.header(dead.getFirst(), "x-original-topic")).isEqualTo(BackboneTestApplication.TOPIC);
        });
    }

    @Test
    void anEventWhoseHandlerKeepsFailingIsRetriedThenDeadLetteredWithoutBlockingItsPartition() {
        String ledger = "ledger-" + UUID.randomUUID();
        int attemptsBefore = projector.attempts.get();

        commands.addEntry(ledger, true);
        commands.addEntry(ledger, false);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(projections.findById(ledger)).hasValueSatisfying(p -> assertThat(p.applied()).containsExactly(2)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> dead = deadLetters.recordsWithKey(ledger);
            assertThat(dead).hasSize(1);
            assertThat(KafkaProbe.header(dead.getFirst(), "x-exception-message")).contains("cannot take entry 1");
        });
        assertThat(projector.attempts.get() - attemptsBefore).as("3 attempts for entry 1, 1 for entry 2")
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void theTraceOfTheCommandContinuesThroughTheRelayAndKafkaIntoTheConsumer() {
        String ledger = "ledger-" + UUID.randomUUID();
        Span command = tracer.nextSpan().name("test command").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(command)) {
            commands.addEntry(ledger, false);
        }
        finally {
            command.end();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> !events.recordsWithKey(ledger).isEmpty());
        ConsumerRecord<String, byte[]> record = events.recordsWithKey(ledger).getFirst();
        EventEnvelope envelope = codec.read(record.value());
        assertThat(envelope.traceparent()).contains(command.context().traceId());
        assertThat(KafkaProbe.header(record, "traceparent")).as("the producer span is a child of the command's trace")
                .contains(command.context().traceId());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(projector.traceIds.get(envelope.id())).isEqualTo(command.context().traceId()));
    }

    @Test
    void aDeadLetteredEventIsProcessedOnceItsCauseIsFixedAndTheDeadLettersAreReplayed() {
        String ledger = "ledger-" + UUID.randomUUID();
        commands.addEntry(ledger, true);
        await().atMost(Duration.ofSeconds(30)).until(() -> !deadLetters.recordsWithKey(ledger).isEmpty());
        assertThat(projections.findById(ledger)).isEmpty();

        projector.fixedLedgers.add(ledger);
        Map<String, Object> replay = deadLetterEndpoint.replay(ops(), null);

        assertThat((Integer) replay.get("replayed")).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(projections.findById(ledger)).hasValueSatisfying(p -> assertThat(p.applied()).containsExactly(1)));
        assertThat(events.recordsWithKey(ledger)).as("replayed into the original topic").hasSizeGreaterThanOrEqualTo(2);
        assertThat(deadLetterEndpoint.summary(ops()).get("waiting")).as("nothing of this ledger waits any more")
                .isEqualTo(0L);
    }

    @Test
    void replayingDeadLettersRequiresTheOpsRole() {
        org.springframework.boot.actuate.endpoint.SecurityContext organizer = securityContext("ORGANIZER");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> deadLetterEndpoint.replay(organizer, null))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void eventsLeftUnpublishedWhenTheRelayStoppedArePublishedWhenItStartsAgain() {
        String ledger = "ledger-" + UUID.randomUUID();
        relay.stop();
        try {
            commands.addEntry(ledger, false);
            commands.addEntry(ledger, false);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                    assertThat(ledgers.findById(ledger).orElseThrow().pendingEvents()).hasSize(2));
        }
        finally {
            relay.start();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(sequences(events.recordsWithKey(ledger))).containsExactly(1, 2));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ledgers.findById(ledger).orElseThrow().pendingEvents()).isEmpty());
    }

    @Test
    void requestsWaitForAnUnreachableDatabaseSecondsNotTheDriversHalfMinute() {
        com.mongodb.MongoClientSettings settings = ((com.mongodb.client.internal.MongoClientImpl) mongoClient)
                .getSettings();

        assertThat(settings.getClusterSettings().getServerSelectionTimeout(java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(5);
    }

    @Test
    void aMarkerLeftWithoutEntriesByAStopBetweenTheRelaysTwoWritesIsClearedAndDoesNotBlockTheOthers() {
        String interrupted = "ledger-" + UUID.randomUUID();
        String waiting = "ledger-" + UUID.randomUUID();
        relay.stop();
        try {
            commands.addEntry(interrupted, false);
            commands.addEntry(waiting, false);
            // as if the relay had removed the published entry and the process stopped before clearing the marker
            mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("_id").is(interrupted)),
                    new org.springframework.data.mongodb.core.query.Update().set("outbox", List.of()), "ledgers");
        }
        finally {
            relay.start();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(sequences(events.recordsWithKey(waiting))).containsExactly(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(mongo.findById(interrupted,
                org.bson.Document.class, "ledgers")).doesNotContainKey("outboxSince"));
    }

    @Test
    void twoRelaysStartingOnTheSameBacklogPublishEveryEventOnceAndInOrder() {
        List<String> ids = IntStream.range(0, 10).mapToObj(i -> "ledger-" + UUID.randomUUID()).toList();
        OutboxRelay second = new OutboxRelay(mongo, outboxKafkaTemplate, relay.collections(), outboxProperties,
                traceContextSource, java.time.Clock.systemUTC(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                "backbone-test");
        relay.stop();
        try {
            for (int round = 0; round < 3; round++) {
                ids.forEach(id -> commands.addEntry(id, false));
            }
            relay.start();
            second.start();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ids.forEach(id ->
                    assertThat(sequences(events.recordsWithKey(id))).hasSizeGreaterThanOrEqualTo(3)));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> ids.forEach(id ->
                    assertThat(sequences(events.recordsWithKey(id))).as(id).containsExactly(1, 2, 3)));
        }
        finally {
            second.stop();
            relay.start();
        }
    }

    @Test
    void anUpdateWritesOnlyTheFieldsThatChangedSinceTheAggregateWasReadAndRemovesClearedOnes() {
        String id = "ledger-" + UUID.randomUUID();
        Ledger created = new Ledger(id);
        created.label("plenary");
        outbox.save(created, created.add(false));
        Ledger loaded = ledgers.findById(id).orElseThrow();
        // a field changed behind the aggregate's back, version unchanged: only a write of every field would undo it
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)),
                new org.springframework.data.mongodb.core.query.Update().set("label", "changed elsewhere"), "ledgers");

        outbox.save(loaded, loaded.add(false));
        org.bson.Document stored = mongo.findById(id, org.bson.Document.class, "ledgers");
        assertThat(stored).containsEntry("entries", 2).containsEntry("label", "changed elsewhere")
                .containsEntry("version", 1L);

        // written as last saved: clearing the label removes it, the next change is written on top of the last one
        loaded.label(null);
        outbox.save(loaded, List.of());
        loaded.label("closing");
        outbox.save(loaded, loaded.add(false));
        Ledger reread = ledgers.findById(id).orElseThrow();
        assertThat(reread.entries()).isEqualTo(3);
        assertThat(mongo.findById(id, org.bson.Document.class, "ledgers")).containsEntry("label", "closing")
                .containsEntry("version", 3L);
        reread.label(null);
        outbox.save(reread, List.of());
        assertThat(mongo.findById(id, org.bson.Document.class, "ledgers")).doesNotContainKey("label")
                .containsEntry("entries", 3);
    }

    @Test
    void eventsAreLeftToTheRelayOfTheProcessThatWroteThemUntilItsHoldRunsOut() {
        // the relay of another process that wrote events and died before sending them: running when it wrote, it
        // relays no collection here, so nothing it holds is sent unless another relay takes it over
        OutboxRelay writer = new OutboxRelay(mongo, outboxKafkaTemplate, List.of(),
                new org.conferenceops.platform.outbox.OutboxProperties(true, Duration.ofMillis(250), 200,
                        Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(4)),
                traceContextSource, java.time.Clock.systemUTC(),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), "backbone-writer");
        EventOutbox writersOutbox = new EventOutbox(mongo, codec, "backbone-test", java.time.Clock.systemUTC(),
                traceContextSource, writer);
        String inserted = "ledger-" + UUID.randomUUID();
        String updated = "ledger-" + UUID.randomUUID();
        writer.start();
        try {
            Ledger created = new Ledger(inserted);
            writersOutbox.save(created, created.add(false));
            commands.addEntry(updated, false);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(sequences(events.recordsWithKey(updated))).containsExactly(1));
            Ledger loaded = ledgers.findById(updated).orElseThrow();
            writersOutbox.save(loaded, loaded.add(false));

            // this context's running relay leaves both alone while the writer's hold (4 s) lasts ...
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
                assertThat(events.recordsWithKey(inserted)).isEmpty();
                assertThat(sequences(events.recordsWithKey(updated))).containsExactly(1);
            });
            // ... and takes them over when it has run out
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(sequences(events.recordsWithKey(inserted))).containsExactly(1);
                assertThat(sequences(events.recordsWithKey(updated))).containsExactly(1, 2);
            });
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (String id : List.of(inserted, updated)) {
                    assertThat(mongo.findById(id, org.bson.Document.class, "ledgers"))
                            .doesNotContainKeys("outboxSince", "outboxLease");
                }
            });
        }
        finally {
            writer.stop();
        }
    }

    @Test
    void anEventAppendedWhileTheRelayWasSendingTheOthersIsKeptAndPublishedNext() {
        String id = "ledger-" + UUID.randomUUID();
        java.util.concurrent.atomic.AtomicBoolean appended = new java.util.concurrent.atomic.AtomicBoolean();
        // a command writes to the aggregate between the relay's read of its outbox and the removal of what it sent
        org.springframework.kafka.core.KafkaTemplate<String, byte[]> appendingWhileSending =
                new org.springframework.kafka.core.KafkaTemplate<>(outboxKafkaTemplate.getProducerFactory()) {
                    @Override
                    public java.util.concurrent.CompletableFuture<org.springframework.kafka.support.SendResult<String,
                            byte[]>> send(org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record) {
                        if (id.equals(record.key()) && appended.compareAndSet(false, true)) {
                            commands.addEntry(id, false);
                        }
                        return super.send(record);
                    }
                };
        OutboxRelay sending = new OutboxRelay(mongo, appendingWhileSending, relay.collections(), outboxProperties,
                traceContextSource, java.time.Clock.systemUTC(),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), "backbone-test");
        relay.stop();
        try {
            commands.addEntry(id, false);
            sending.start();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(sequences(events.recordsWithKey(id))).containsExactly(1, 2));
            assertThat(appended).isTrue();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(mongo.findById(id,
                    org.bson.Document.class, "ledgers")).doesNotContainKeys("outboxSince", "outboxLease"));
        }
        finally {
            sending.stop();
            relay.start();
        }
    }

    private static org.springframework.boot.actuate.endpoint.SecurityContext ops() {
        return securityContext("OPS");
    }

    private static org.springframework.boot.actuate.endpoint.SecurityContext securityContext(String role) {
        return new org.springframework.boot.actuate.endpoint.SecurityContext() {
            @Override
            public java.security.Principal getPrincipal() {
                return () -> "tester";
            }

            @Override
            public boolean isUserInRole(String name) {
                return role.equals(name);
            }
        };
    }

    private List<Integer> sequences(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> ((LedgerEntryAdded) codec.decode(r.value())).sequence()).toList();
    }

    private List<Long> versions(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> codec.read(r.value())).map(EventEnvelope::aggregateVersion).toList();
    }
}
