package org.conferenceops.pledge.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.conferenceops.events.Topics;
import org.conferenceops.events.pledge.CapabilityGapChanged;
import org.conferenceops.events.pledge.CapabilityMeasure;
import org.conferenceops.events.pledge.PledgeCategory;
import org.conferenceops.events.pledge.PledgeStatus;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.platform.live.LiveEventStream;
import org.conferenceops.pledge.UpstreamEvents;
import org.conferenceops.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The live gap stream moves when any replica changes the gap: a {@code CapabilityGapChanged} this replica never
 * computed (published on Kafka as another replica's relay would) reaches its open screens at once, long before the
 * reconciliation (set to an hour here, so it cannot be what delivers it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "conference-ops.capability-gap.reconcile-interval=1h")
class LiveGapStreamIT {

    @LocalServerPort
    int port;

    @Autowired
    LiveEventStream live;

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestInfrastructure infra = TestInfrastructure.get();

    @Test
    void aGapChangeStoredByAnotherReplicaIsPushedToOpenStreamsViaKafka() throws Exception {
        assertThat(live.awaitFollowing(Duration.ofSeconds(30))).isTrue();
        String requirement = "req-live-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> defined = http.send(HttpRequest.newBuilder(uri("/api/capability-requirements"))
                .header("Authorization", "Bearer " + infra.token(TokenRequest.organizer()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"id":"%s","title":"Level II hospitals","category":"LEVEL_II_HOSPITAL","measure":"UNITS",
                         "quantityNeeded":5000,"countingStatus":"ANNOUNCED","source":"test"}""".formatted(requirement)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);

        List<String> streamed = new CopyOnWriteArrayList<>();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(uri("/api/capability-gap/stream"))
                .header("Authorization", "Bearer " + infra.token(TokenRequest.organizer()))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                lines.lines().filter(l -> l.contains(requirement)).forEach(streamed::add);
            }
            catch (Exception e) {
                // the stream ends when the test does
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> streamed.stream().anyMatch(l -> l.startsWith("data:")));

        // another replica stored version 1 of the requirement (2 covered) and its relay published the event
        Instant published = Instant.now();
        UpstreamEvents.publish(Topics.PLEDGE, "pledge-service", new CapabilityGapChanged(requirement,
                PledgeCategory.LEVEL_II_HOSPITAL, CapabilityMeasure.UNITS, 5000, 2, 4998, PledgeStatus.ANNOUNCED, 2,
                published), 2);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(streamed)
                .anySatisfy(line -> assertThat(line).startsWith("id:").isEqualTo("id:" + requirement + ":1"))
                .anySatisfy(line -> assertThat(line).startsWith("data:").contains("\"quantityCovered\":2")
                        .contains("\"gap\":4998").contains("\"title\":\"Level II hospitals\"")));
        long latencyMillis = Duration.between(published, Instant.now()).toMillis();
        assertThat(latencyMillis).as("pushed at once, not at a reconciliation").isLessThan(10_000);
        stream.body().close();
        reader.join(Duration.ofSeconds(5));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
