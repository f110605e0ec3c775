package org.conferenceops.pledge.pledging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.conferenceops.events.EventCodec;
import org.conferenceops.events.Topics;
import org.conferenceops.events.pledge.PledgeRenewed;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.pledge.UpstreamEvents;
import org.conferenceops.pledge.delegations.Delegations;
import org.conferenceops.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The pledging state confirms a renewal that fell due: recorded, rescheduled six months on, published, once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PledgeRenewalIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    RenewalSweep sweep;

    @Autowired
    Delegations delegations;

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestInfrastructure infra = TestInfrastructure.get();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theFocalPointConfirmsADueRenewalOnceAndTheNextFallsDueSixMonthsLater() throws Exception {
        String conference = "it-" + UUID.randomUUID().toString().substring(0, 8);
        TokenRequest ghana = TokenRequest.focalPoint(UpstreamEvents.delegation(delegations, conference, "GHA"));
        UpstreamEvents.delegation(delegations, conference, "NOR");
        String id = json.readTree(post("/api/conferences/" + conference + "/pledges", ghana, """
                {"offer":{"category":"INFANTRY_BATTALION","units":1,"personnel":850,"womenPersonnel":120,
                 "equipment":[],"a4pAreas":["PARTNERSHIPS"],"description":"Battalion","descriptionLanguage":"en"}}""")
                .body()).get("id").asString();
        post("/api/pledges/" + id + "/acknowledgement", TokenRequest.organizer(), "");
        assertThat(post("/api/pledges/" + id + "/acceptance", TokenRequest.organizer(), "").statusCode()).isEqualTo(200);

        HttpResponse<String> notDue = post("/api/pledges/" + id + "/renewal", ghana, "");
        assertThat(notDue.statusCode()).as(notDue.body()).isEqualTo(409);
        assertThat(json.readTree(notDue.body()).get("currentState").asString()).isEqualTo("ACCEPTED");
        assertThat(json.readTree(notDue.body()).get("detail").asString()).contains("no renewal is due");

        // a year passes: the due date is moved into the past and the sweep raises PledgeRenewalDue
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                Update.update("renewalDueAt", Instant.now().minus(1, ChronoUnit.DAYS)), Pledge.class);
        sweep.sweep();
        assertThat(json.readTree(get("/api/pledges/" + id, ghana).body()).get("renewalAwaitingConfirmation")
                .asBoolean()).isTrue();

        assertThat(post("/api/pledges/" + id + "/renewal", TokenRequest.focalPoint(conference + "-NOR"), "")
                .statusCode()).as("another state's focal point").isEqualTo(404);
        Instant before = Instant.now();
        HttpResponse<String> renewed = post("/api/pledges/" + id + "/renewal", ghana, "");
        Instant after = Instant.now();

        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        JsonNode view = json.readTree(renewed.body());
        Instant nextDue = Instant.parse(view.get("renewalDueAt").asString());
        assertThat(nextDue).isBetween(sixMonthsAfter(before).truncatedTo(ChronoUnit.MILLIS),
                sixMonthsAfter(after).plusMillis(1));
        assertThat(view.get("renewalsConfirmed").asInt()).isEqualTo(1);
        assertThat(view.get("renewalAwaitingConfirmation").asBoolean()).isFalse();
        JsonNode last = view.get("history").get(view.get("history").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("confirm-renewal");

        HttpResponse<String> again = post("/api/pledges/" + id + "/renewal", ghana, "");
        assertThat(again.statusCode()).isEqualTo(409);

        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                List<PledgeRenewed> mine = seen.stream().filter(r -> id.equals(r.key()))
                        .map(r -> EventCodec.standard().decode(r.value()))
                        .filter(PledgeRenewed.class::isInstance).map(PledgeRenewed.class::cast).toList();
                assertThat(mine).singleElement().satisfies(e -> {
                    assertThat(e.renewalNumber()).isEqualTo(1);
                    assertThat(e.memberState()).isEqualTo("GHA");
                    assertThat(e.nextRenewalDueAt()).isEqualTo(nextDue);
                });
            });
        }
    }

    private static Instant sixMonthsAfter(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).plusMonths(6).toInstant();
    }

    private HttpResponse<String> post(String path, TokenRequest token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + infra.token(token))
                .header("Content-Type", "application/json")
                .POST(body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, TokenRequest token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + infra.token(token))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(Topics.PLEDGE));
        return consumer;
    }
}
