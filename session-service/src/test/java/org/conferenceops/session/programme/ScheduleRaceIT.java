package org.conferenceops.session.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conferenceops.session.SessionApi.expect;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.session.SessionApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Scheduling under concurrency: organisers taking the same room or chair at the same instant, and the ledgers kept
 * right by rescheduling, moving and cancelling.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "conference-ops.seats.reconcile-grace=0s")
class ScheduleRaceIT {

    private static final int ORGANISERS = 24;

    @LocalServerPort
    int port;

    private SessionApi api;
    private String organiser;
    private final String conference = "seoul-2033-" + UUID.randomUUID();
    private final String meeting = "m-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void client() {
        api = new SessionApi(port);
        organiser = api.token(TokenRequest.organizer());
        expect(201, api.send("POST", "/api/conferences/" + conference + "/meetings", TokenRequest.organizer(), """
                {"id":"%s","title":"Ministerial","city":"Seoul","mode":"IN_PERSON","firstDay":"2033-12-07",
                 "lastDay":"2033-12-08","timeZone":"Asia/Seoul"}""".formatted(meeting)));
    }

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void manyOrganisersSchedulingOverlappingSessionsIntoOneRoomAtOnceGetExactlyOneSessionAndConflictsForTheRest()
            throws Exception {
        String room = room();

        List<HttpResponse<String>> answers = concurrently(i -> schedule(room, "chair-" + i + "-" + room,
                "2033-12-07T01:%02d:00Z".formatted(i), "2033-12-07T03:00:00Z"));

        assertThat(answers).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(answers).filteredOn(r -> r.statusCode() == 422).hasSize(ORGANISERS - 1)
                .allSatisfy(r -> assertThat(r.body()).contains("schedule-conflict").contains("room-double-booked"));
        assertThat(sessionsIn(room)).hasSize(1);
    }

    @Test
    void manyOrganisersGivingOneChairOverlappingSessionsInDifferentRoomsAtOnceGetExactlyOneSession()
            throws Exception {
        String chair = "chair-" + UUID.randomUUID();
        List<String> rooms = IntStream.range(0, ORGANISERS).mapToObj(i -> room()).toList();

        List<HttpResponse<String>> answers = concurrently(i -> schedule(rooms.get(i), chair,
                "2033-12-07T01:00:00Z", "2033-12-07T02:%02d:00Z".formatted(i + 1)));

        assertThat(answers).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(answers).filteredOn(r -> r.statusCode() == 422).hasSize(ORGANISERS - 1)
                .allSatisfy(r -> assertThat(r.body()).contains("chair-double-booked"));
    }

    @Test
    void sessionsReschedulingIntoTheSameSlotAtOnceLeaveExactlyOneThere() throws Exception {
        String room = room();
        Instant first = Instant.parse("2033-12-07T00:00:00Z");
        List<String> sessions = IntStream.range(0, 16).mapToObj(i -> id(expect(201, schedule(room, "c" + i + room,
                first.plus(Duration.ofMinutes(30L * i)).toString(),
                first.plus(Duration.ofMinutes(30L * i + 20)).toString())))).toList();

        List<HttpResponse<String>> answers = concurrently(sessions.size(), i -> api.send(http, "POST",
                "/api/sessions/" + sessions.get(i) + "/reschedule", organiser(),
                "{\"startsAt\":\"2033-12-08T01:00:00Z\",\"endsAt\":\"2033-12-08T02:00:00Z\"}"));

        assertThat(answers).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        assertThat(answers).filteredOn(r -> r.statusCode() == 422).hasSize(sessions.size() - 1);
        assertThat(sessionsIn(room)).filteredOn(s -> s.get("startsAt").asString().startsWith("2033-12-08"))
                .hasSize(1);
    }

    @Test
    void reschedulingMovingAndCancellingFreeTheSlotsTheyLeaveAndHoldTheOnesTheyTake() {
        String hall = room();
        String annex = room();
        String chair = "chair-" + UUID.randomUUID();
        String session = id(expect(201, schedule(hall, chair, "2033-12-07T01:00:00Z", "2033-12-07T03:00:00Z")));

        expect(200, api.send("POST", "/api/sessions/" + session + "/reschedule", TokenRequest.organizer(),
                "{\"startsAt\":\"2033-12-07T05:00:00Z\",\"endsAt\":\"2033-12-07T07:00:00Z\"}"));
        expect(201, schedule(hall, "other-" + chair, "2033-12-07T01:00:00Z", "2033-12-07T03:00:00Z"));
        assertThat(schedule(hall, "third-" + chair, "2033-12-07T06:00:00Z", "2033-12-07T06:30:00Z").body())
                .contains("room-double-booked").contains(session);
        assertThat(schedule(annex, chair, "2033-12-07T06:00:00Z", "2033-12-07T06:30:00Z").body())
                .contains("chair-double-booked").contains(session);

        expect(200, api.send("POST", "/api/sessions/" + session + "/move", TokenRequest.organizer(),
                "{\"roomId\":\"" + annex + "\"}"));
        expect(201, schedule(hall, "fourth-" + chair, "2033-12-07T05:00:00Z", "2033-12-07T07:00:00Z"));
        assertThat(schedule(annex, "fifth-" + chair, "2033-12-07T06:00:00Z", "2033-12-07T06:30:00Z").body())
                .contains("room-double-booked").contains(session);

        expect(200, api.send("POST", "/api/sessions/" + session + "/cancel", TokenRequest.organizer(),
                "{\"reason\":\"merged\"}"));
        expect(201, schedule(annex, chair, "2033-12-07T05:00:00Z", "2033-12-07T07:00:00Z"));
    }

    private List<HttpResponse<String>> concurrently(IntFunction<HttpResponse<String>> request) throws Exception {
        return concurrently(ORGANISERS, request);
    }

    private List<HttpResponse<String>> concurrently(int callers, IntFunction<HttpResponse<String>> request)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            List<Future<HttpResponse<String>>> futures = IntStream.range(0, callers).mapToObj(i -> pool.submit(() -> {
                start.await();
                return request.apply(i);
            })).toList();
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }

    private String room() {
        String room = "r-" + UUID.randomUUID();
        expect(201, api.send("POST", "/api/conferences/" + conference + "/rooms", TokenRequest.organizer(),
                "{\"id\":\"" + room + "\",\"name\":\"Room " + room + "\",\"capacity\":100}"));
        return room;
    }

    private HttpResponse<String> schedule(String room, String chair, String start, String end) {
        return api.send(http, "POST", "/api/conferences/" + conference + "/sessions", organiser(), """
                {"meetingId":"%s","track":"t","title":"Session in %s","chairs":["%s"],"roomId":"%s",
                 "mode":"IN_PERSON","startsAt":"%s","endsAt":"%s","virtualCapacity":0}"""
                .formatted(meeting, room, chair, room, start, end));
    }

    private String organiser() {
        return organiser;
    }

    private List<JsonNode> sessionsIn(String room) {
        JsonNode all = api.json(expect(200, api.send("GET", "/api/conferences/" + conference + "/sessions",
                TokenRequest.organizer(), null)));
        return StreamSupport.stream(all.spliterator(), false).filter(s -> room.equals(s.get("roomId").asString()))
                .toList();
    }

    private String id(HttpResponse<String> created) {
        return api.json(created).get("id").asString();
    }
}
