package org.conferenceops.platform.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.conferenceops.infra.kafka.KraftBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rule 6: an accepted command is never lost. With the broker stopped, commands still succeed and their events
 * wait in the outbox; when the broker returns they are published, in order, and consumed.
 */
@SpringBootTest(classes = BackboneTestApplication.class)
// This context talks to a broker of its own that is closed after the class; it must not be reused from the cache.
@DirtiesContext
class BrokerOutageIT {

    static final KraftBroker broker = startBroker();

    @Autowired
    LedgerCommands commands;
    @Autowired
    LedgerRepository ledgers;
    @Autowired
    LedgerProjector.Projections projections;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @DynamicPropertySource
    static void ownBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
        registry.add("spring.cloud.stream.kafka.binder.brokers", broker::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void commandsSucceedWhileTheBrokerIsDownAndTheirEventsArePublishedInOrderWhenItReturns() {
        String ledger = "ledger-" + UUID.randomUUID();
        commands.addEntry(ledger, false);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(projections.findById(ledger)).hasValueSatisfying(p -> assertThat(p.applied()).containsExactly(1)));

        broker.stop();
        for (int i = 0; i < 5; i++) {
            commands.addEntry(ledger, false);
        }

        assertThat(ledgers.findById(ledger).orElseThrow().entries()).isEqualTo(6);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(ledgers.findById(ledger).orElseThrow().pendingEvents()).hasSize(5));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(meters.get("outbox.backlog").gauge().value()).as("backlog while Kafka is away")
                    .isGreaterThanOrEqualTo(5);
            assertThat(meters.get("outbox.oldest.age").gauge().value()).isGreaterThan(0);
            assertThat(meters.get("outbox.publish.failures").counter().count()).isGreaterThan(0);
        });

        broker.start();

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(projections.findById(ledger).orElseThrow().applied()).containsExactly(1, 2, 3, 4, 5, 6));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ledgers.findById(ledger).orElseThrow().pendingEvents()).isEmpty());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(meters.get("outbox.backlog").gauge().value()).as("backlog drained").isZero());
    }

    private static KraftBroker startBroker() {
        try {
            return KraftBroker.builder().port(0).controllerPort(0)
                    .logDir(Files.createTempDirectory("outage-kafka")).build().start();
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
