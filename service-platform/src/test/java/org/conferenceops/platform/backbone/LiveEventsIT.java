package org.conferenceops.platform.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.conferenceops.events.EventCodec;
import org.conferenceops.platform.live.LiveEventListener;
import org.conferenceops.platform.live.LiveEventStream;
import org.conferenceops.platform.live.LiveProperties;
import org.conferenceops.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Live listeners hear every event on every replica, besides the service's load-balanced handlers. */
@SpringBootTest(classes = { BackboneTestApplication.class, LiveEventsIT.Heard.class },
        properties = "conference-ops.live.topics=" + BackboneTestApplication.TOPIC)
class LiveEventsIT {

    @TestConfiguration
    static class Heard {

        final List<LedgerEntryAdded> events = new CopyOnWriteArrayList<>();

        @Bean
        LiveEventListener<LedgerEntryAdded> ledgerEntriesHeard() {
            return LiveEventListener.of(LedgerEntryAdded.class, (event, context) -> events.add(event));
        }

        @Bean
        LiveEventListener<LedgerEntryAdded> failingListener() {
            return LiveEventListener.of(LedgerEntryAdded.class, (event, context) -> {
                throw new IllegalStateException("a listener that always fails");
            });
        }
    }

    @Autowired
    LedgerCommands commands;
    @Autowired
    LedgerRepository ledgers;
    @Autowired
    LedgerProjector.Projections projections;
    @Autowired
    LiveEventStream stream;
    @Autowired
    Heard heard;
    @Autowired
    EventCodec codec;

    private final List<LedgerEntryAdded> heardByOtherReplica = new CopyOnWriteArrayList<>();
    private LiveEventStream otherReplica;

    @BeforeEach
    void anotherReplica() throws InterruptedException {
        assertThat(stream.awaitFollowing(Duration.ofSeconds(30))).isTrue();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        otherReplica = new LiveEventStream(() -> new KafkaConsumer<>(config), codec,
                new LiveProperties(List.of(BackboneTestApplication.TOPIC), Duration.ofMillis(200), Duration.ofSeconds(10)),
                List.of(LiveEventListener.of(LedgerEntryAdded.class, (event, context) -> heardByOtherReplica.add(event))),
                new SimpleMeterRegistry(), "backbone-test");
    }

    @AfterEach
    void stopOtherReplica() {
        otherReplica.stop();
    }

    @Test
    void everyReplicaHearsEveryEventInOrderWhileTheServiceHandlesItOnce() throws InterruptedException {
        otherReplica.start();
        assertThat(otherReplica.awaitFollowing(Duration.ofSeconds(30))).isTrue();
        String ledger = "ledger-" + UUID.randomUUID();

        IntStream.rangeClosed(1, 5).forEach(i -> commands.addEntry(ledger, false));

        List<Integer> expected = List.of(1, 2, 3, 4, 5);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sequencesOf(heard.events, ledger)).isEqualTo(expected);
            assertThat(sequencesOf(heardByOtherReplica, ledger)).isEqualTo(expected);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(projections.findById(ledger))
                .hasValueSatisfying(projection -> assertThat(projection.appliedEvents().recentEventIds()).hasSize(5)));
    }

    @Test
    void aReplicaHearsOnlyWhatIsPublishedAfterItStarted() throws InterruptedException {
        String ledger = "ledger-" + UUID.randomUUID();
        commands.addEntry(ledger, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> sequencesOf(heard.events, ledger).equals(List.of(1)));

        otherReplica.start();
        assertThat(otherReplica.awaitFollowing(Duration.ofSeconds(30))).isTrue();
        commands.addEntry(ledger, false);

        await().atMost(Duration.ofSeconds(30)).until(() -> sequencesOf(heard.events, ledger).equals(List.of(1, 2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !sequencesOf(heardByOtherReplica, ledger).isEmpty());
        assertThat(sequencesOf(heardByOtherReplica, ledger)).containsExactly(2);
    }

    private static List<Integer> sequencesOf(List<LedgerEntryAdded> events, String ledger) {
        return events.stream().filter(e -> e.ledgerId().equals(ledger)).map(LedgerEntryAdded::sequence).toList();
    }
}
