package org.conferenceops.session.speakers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.conferenceops.session.SessionApi.expect;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.conferenceops.events.EventCodec;
import org.conferenceops.events.IntegrationEvent;
import org.conferenceops.events.Topics;
import org.conferenceops.events.session.RepresentationLevel;
import org.conferenceops.events.session.SpeakerInscribed;
import org.conferenceops.events.session.SpeakerWithdrawn;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.session.SessionApi;
import org.conferenceops.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Speakers lists over HTTP: focal points inscribe for their delegation, the order, the limit, withdrawal, events. */
// one grace-free context for every IT but the demo one: the reconciler repairs on its second look
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "conference-ops.seats.reconcile-grace=0s")
class SpeakersListIT {

    @LocalServerPort
    int port;

    private SessionApi api;
    private final String conference = "accra-2031-" + UUID.randomUUID();

    @BeforeEach
    void client() {
        api = new SessionApi(port);
    }

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void focalPointsInscribeOneSpeakerEachInOrderOfRepresentationAndMayWithdrawOnlyTheirOwn() {
        String session = api.sessionWithSeats(conference, 100, "2031-12-06T00:00:00Z", "2031-12-06T04:00:00Z");
        String ghana = conference + "-GHA";
        String korea = conference + "-KOR";

        JsonNode minister = api.json(expect(201, inscribe(session, TokenRequest.focalPoint(ghana),
                "{\"name\":\"Kwame Mensah\",\"title\":\"Minister of Defence\",\"level\":\"MINISTER\","
                        + "\"pledgeAnnouncement\":true}")));
        JsonNode head = api.json(expect(201, inscribe(session, TokenRequest.focalPoint(korea),
                "{\"name\":\"Head of Government\",\"title\":\"Prime Minister\","
                        + "\"level\":\"HEAD_OF_STATE_OR_GOVERNMENT\",\"video\":true}")));
        HttpResponse<String> second = inscribe(session, TokenRequest.focalPoint(ghana),
                "{\"name\":\"Ama Owusu\",\"title\":\"Deputy Minister\",\"level\":\"DEPUTY_MINISTER\"}");
        HttpResponse<String> forAnother = inscribe(session, TokenRequest.focalPoint(korea),
                "{\"delegationId\":\"" + ghana + "\",\"name\":\"X\",\"title\":\"Y\",\"level\":\"OTHER\"}");
        HttpResponse<String> byDelegate = inscribe(session, TokenRequest.delegate(ghana, "dlg-x"),
                "{\"name\":\"X\",\"title\":\"Y\",\"level\":\"OTHER\"}");

        assertThat(minister.get("position").asInt()).isEqualTo(1);
        assertThat(head.get("position").asInt()).isEqualTo(1);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(forAnother.statusCode()).isEqualTo(404);
        assertThat(byDelegate.statusCode()).isEqualTo(403);

        expect(200, api.send("PUT", "/api/sessions/" + session + "/speakers/settings", TokenRequest.organizer(),
                "{\"inscriptionsPerDelegation\":2}"));
        expect(201, inscribe(session, TokenRequest.focalPoint(ghana),
                "{\"name\":\"Ama Owusu\",\"title\":\"Deputy Minister\",\"level\":\"DEPUTY_MINISTER\"}"));
        List<JsonNode> list = speakers(session, TokenRequest.delegate(ghana, "dlg-x"));
        assertThat(list).extracting(s -> s.get("level").asString()).containsExactly("HEAD_OF_STATE_OR_GOVERNMENT",
                "MINISTER", "DEPUTY_MINISTER");
        assertThat(list).extracting(s -> s.get("position").asInt()).containsExactly(1, 2, 3);
        assertThat(list.get(1).get("pledgeAnnouncement").asBoolean()).isTrue();
        assertThat(list.getFirst().get("video").asBoolean()).isTrue();

        String ministerId = minister.get("inscriptionId").asString();
        assertThat(api.send("DELETE", "/api/sessions/" + session + "/speakers/" + ministerId,
                TokenRequest.focalPoint(korea), null).statusCode()).isEqualTo(404);
        expect(200, api.send("DELETE", "/api/sessions/" + session + "/speakers/" + ministerId,
                TokenRequest.focalPoint(ghana), null));
        assertThat(speakers(session, TokenRequest.organizer())).extracting(s -> s.get("name").asString())
                .containsExactly("Head of Government", "Ama Owusu");

        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<IntegrationEvent> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (session.equals(r.key())) {
                        IntegrationEvent event = EventCodec.standard().decode(r.value());
                        if (event instanceof SpeakerInscribed || event instanceof SpeakerWithdrawn) {
                            events.add(event);
                        }
                    }
                });
                assertThat(events).hasSize(4);
            });
            assertThat(events.getFirst()).isInstanceOfSatisfying(SpeakerInscribed.class, e -> {
                assertThat(e.delegationId()).isEqualTo(ghana);
                assertThat(e.level()).isEqualTo(RepresentationLevel.MINISTER);
                assertThat(e.pledgeAnnouncement()).isTrue();
            });
            assertThat(events.getLast()).isInstanceOfSatisfying(SpeakerWithdrawn.class,
                    e -> assertThat(e.inscriptionId()).isEqualTo(ministerId));
        }
    }

    @Test
    void thirtyDelegationsInscribingAtOnceAreAllListedNoneToldOfAConflict() throws Exception {
        String session = api.sessionWithSeats(conference, 100, "2031-12-07T00:00:00Z", "2031-12-07T04:00:00Z");
        int delegations = 30;
        List<java.util.concurrent.Callable<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < delegations; i++) {
            TokenRequest focalPoint = TokenRequest.focalPoint(conference + "-D" + i);
            api.token(focalPoint);
            String json = "{\"name\":\"Speaker " + i + "\",\"title\":\"Minister\",\"level\":\"MINISTER\"}";
            requests.add(() -> inscribe(session, focalPoint, json));
        }

        List<Integer> statuses = new ArrayList<>();
        List<String> inscribed = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(delegations)) {
            for (var answer : pool.invokeAll(requests)) {
                statuses.add(answer.get().statusCode());
                if (answer.get().statusCode() == 201) {
                    inscribed.add(api.json(answer.get()).get("inscriptionId").asString());
                }
            }
        }

        // a lost version race is the service's business: retried, and only if still contended a 503, never a 409
        assertThat(statuses).doesNotContain(409, 500).allMatch(status -> status == 201 || status == 503);
        assertThat(speakers(session, TokenRequest.organizer())).extracting(s -> s.get("inscriptionId").asString())
                .as("every inscription answered 201 is on the list").containsExactlyInAnyOrderElementsOf(inscribed);
        assertThat(inscribed).hasSizeGreaterThanOrEqualTo(delegations / 2);
    }

    private HttpResponse<String> inscribe(String session, TokenRequest token, String json) {
        return api.send("POST", "/api/sessions/" + session + "/speakers", token, json);
    }

    private List<JsonNode> speakers(String session, TokenRequest token) {
        JsonNode list = api.json(expect(200, api.send("GET", "/api/sessions/" + session + "/speakers", token, null)));
        return StreamSupport.stream(list.get("speakers").spliterator(), false).toList();
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(Topics.SESSION));
        return consumer;
    }
}
