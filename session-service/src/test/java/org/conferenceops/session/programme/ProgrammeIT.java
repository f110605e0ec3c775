package org.conferenceops.session.programme;

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
import org.conferenceops.events.session.SessionMode;
import org.conferenceops.events.session.SessionModeChanged;
import org.conferenceops.events.session.SessionRescheduled;
import org.conferenceops.events.session.SessionScheduled;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.session.SessionApi;
import org.conferenceops.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The programme over HTTP: the demo seed, conflicts refused with the conflicting session named, changes published. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "conference-ops.demo-data=true")
class ProgrammeIT {

    @LocalServerPort
    int port;

    private SessionApi api;
    private final String conference = "seoul-2021-" + UUID.randomUUID();

    @BeforeEach
    void client() {
        api = new SessionApi(port);
    }

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void theDemoProgrammeHasSeoulsFourTracksOnItsTwoDaysInSeoulTimeAndAccrasFiveMeetings() {
        List<JsonNode> seoul = list("/api/conferences/seoul-2021/sessions", TokenRequest.delegate("d", "x"));
        List<JsonNode> accra = list("/api/conferences/accra-2023/meetings", TokenRequest.organizer());

        assertThat(seoul.stream().map(s -> s.get("track").asString())).containsExactly("sustaining peace",
                "partnerships, training and capacity-building", "performance and accountability",
                "protection of civilians, safety and security");
        assertThat(seoul.getFirst().get("localStart").asString()).isEqualTo("2021-12-07T09:30:00");
        assertThat(seoul.getFirst().get("startsAt").asString()).isEqualTo("2021-12-07T00:30:00Z");
        assertThat(seoul.getLast().get("localStart").asString()).startsWith("2021-12-08");
        assertThat(accra.stream().map(m -> m.get("city").isNull() ? "online" : m.get("city").asString()))
                .containsExactly("Dhaka", "online", "Islamabad", "Kigali", "Accra");
    }

    @Test
    void aDoubleBookedRoomOrChairAndASessionOutsideItsMeetingsDaysAreRefusedNamingTheConflict() {
        String first = api.sessionWithSeats(conference, 50, "2021-12-07T01:00:00Z", "2021-12-07T03:00:00Z");
        JsonNode session = api.json(expect(200, api.send("GET", "/api/sessions/" + first, TokenRequest.organizer(),
                null)));
        String meeting = session.get("meetingId").asString();
        String room = session.get("roomId").asString();
        String chair = session.get("chairs").get(0).asString();
        expect(201, api.send("POST", "/api/conferences/" + conference + "/rooms", TokenRequest.organizer(),
                "{\"id\":\"" + room + "-b\",\"name\":\"Room B\",\"capacity\":40}"));

        HttpResponse<String> sameRoom = schedule(meeting, room, "other-chair", "2021-12-07T02:00:00Z",
                "2021-12-07T04:00:00Z");
        HttpResponse<String> sameChair = schedule(meeting, room + "-b", chair, "2021-12-07T02:30:00Z",
                "2021-12-07T03:30:00Z");
        HttpResponse<String> wrongDay = schedule(meeting, room + "-b", "other-chair", "2021-12-09T02:00:00Z",
                "2021-12-09T03:00:00Z");
        HttpResponse<String> afterwards = schedule(meeting, room, chair, "2021-12-07T03:00:00Z",
                "2021-12-07T04:00:00Z");

        assertThat(sameRoom.statusCode()).isEqualTo(422);
        assertThat(sameRoom.body()).contains("schedule-conflict").contains("room-double-booked").contains(first)
                .contains("Sustaining peace");
        assertThat(sameChair.statusCode()).isEqualTo(422);
        assertThat(sameChair.body()).contains("chair-double-booked").contains(first);
        assertThat(wrongDay.statusCode()).isEqualTo(422);
        assertThat(wrongDay.body()).contains("outside-meeting-days");
        assertThat(afterwards.statusCode()).as(afterwards.body()).isEqualTo(201);
    }

    @Test
    void switchingToVirtualAndReschedulingArePublishedWithBeforeAndAfterAndOnlyOrganisersMayDoIt() {
        String session = api.sessionWithSeats(conference, 50, "2021-12-07T01:00:00Z", "2021-12-07T03:00:00Z");

        HttpResponse<String> byDelegate = api.send("POST", "/api/sessions/" + session + "/mode",
                TokenRequest.delegate("d", "x"), "{\"mode\":\"VIRTUAL\",\"virtualLink\":\"https://meet.example.org/v\"}");
        JsonNode virtual = api.json(expect(200, api.send("POST", "/api/sessions/" + session + "/mode",
                TokenRequest.organizer(), "{\"mode\":\"VIRTUAL\",\"virtualLink\":\"https://meet.example.org/v\"}")));
        JsonNode later = api.json(expect(200, api.send("POST", "/api/sessions/" + session + "/reschedule",
                TokenRequest.organizer(), "{\"startsAt\":\"2021-12-07T05:00:00Z\",\"endsAt\":\"2021-12-07T06:00:00Z\"}")));

        assertThat(byDelegate.statusCode()).isEqualTo(403);
        assertThat(virtual.get("changeVersion").asInt()).isEqualTo(2);
        assertThat(later.get("changeVersion").asInt()).isEqualTo(3);
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<IntegrationEvent> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (session.equals(r.key())) {
                        events.add(EventCodec.standard().decode(r.value()));
                    }
                });
                assertThat(events).hasSize(3);
            });
            assertThat(events.get(0)).isInstanceOf(SessionScheduled.class);
            assertThat(events.get(1)).isInstanceOfSatisfying(SessionModeChanged.class, e -> {
                assertThat(e.previousMode()).isEqualTo(SessionMode.HYBRID);
                assertThat(e.mode()).isEqualTo(SessionMode.VIRTUAL);
                assertThat(e.virtualLink()).isEqualTo("https://meet.example.org/v");
                assertThat(e.changeVersion()).isEqualTo(2);
            });
            assertThat(events.get(2)).isInstanceOfSatisfying(SessionRescheduled.class, e -> {
                assertThat(e.previousStartsAt()).hasToString("2021-12-07T01:00:00Z");
                assertThat(e.startsAt()).hasToString("2021-12-07T05:00:00Z");
                assertThat(e.changeVersion()).isEqualTo(3);
            });
        }
    }

    private HttpResponse<String> schedule(String meeting, String room, String chair, String start, String end) {
        return api.send("POST", "/api/conferences/" + conference + "/sessions", TokenRequest.organizer(), """
                {"meetingId":"%s","track":"t","title":"Another","chairs":["%s"],"roomId":"%s","mode":"IN_PERSON",
                 "startsAt":"%s","endsAt":"%s","virtualCapacity":0}""".formatted(meeting, chair, room, start, end));
    }

    private List<JsonNode> list(String path, TokenRequest token) {
        return StreamSupport.stream(api.json(expect(200, api.send("GET", path, token, null))).spliterator(), false)
                .toList();
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
