package org.conferenceops.pledge.pledging;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.conferenceops.events.EventCodec;
import org.conferenceops.events.Topics;
import org.conferenceops.events.pledge.CapabilityGapChanged;
import org.conferenceops.events.pledge.PledgeSubmitted;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Pledges over HTTP: stored once, published, counted in the gap and tallies, refused clearly when they should be. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PledgeIntakeIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestInfrastructure infra = TestInfrastructure.get();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aRetriedSubmissionWithTheSameIdempotencyKeyCreatesOnePledgeAndPublishesOneEvent() throws Exception {
        String delegation = "seoul-2021-KOR";
        String key = "submit-" + UUID.randomUUID();
        String body = pledge(null, "UTILITY_HELICOPTER_UNIT", "1", "140", "21", 12);

        HttpResponse<String> first = post("/api/conferences/seoul-2021/pledges", TokenRequest.focalPoint(delegation), body, key);
        HttpResponse<String> retry = post("/api/conferences/seoul-2021/pledges", TokenRequest.focalPoint(delegation), body, key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        String id = json.readTree(first.body()).get("id").asString();
        assertThat(json.readTree(retry.body()).get("id").asString()).isEqualTo(id);
        assertThat(json.readTree(first.body()).get("memberState").asString()).isEqualTo("KOR");

        HttpResponse<String> reused = post("/api/conferences/seoul-2021/pledges", TokenRequest.focalPoint(delegation),
                pledge(null, "UTILITY_HELICOPTER_UNIT", "1", "140", "21", 13), key);
        assertThat(reused.statusCode()).isEqualTo(409);

        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                List<PledgeSubmitted> mine = seen.stream().filter(r -> id.equals(r.key()))
                        .map(r -> EventCodec.standard().decode(r.value()))
                        .filter(PledgeSubmitted.class::isInstance).map(PledgeSubmitted.class::cast).toList();
                assertThat(mine).singleElement().satisfies(e -> {
                    assertThat(e.equipmentItems()).isEqualTo(12);
                    assertThat(e.memberState()).isEqualTo("KOR");
                });
            });
        }
    }

    @Test
    void everyRejectionIsAProblemNamingWhatIsWrong() throws Exception {
        String path = "/api/conferences/seoul-2021/pledges";
        TokenRequest kor = TokenRequest.focalPoint("seoul-2021-KOR");

        HttpResponse<String> fraction = post(path, kor, pledge(null, "INFANTRY_BATTALION", "1.5", "850", "90", 0), null);
        assertThat(fraction.statusCode()).isEqualTo(400);
        assertThat(fraction.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(fraction.body()).contains("offer.units").contains("integer");

        HttpResponse<String> negative = post(path, kor, pledge(null, "INFANTRY_BATTALION", "-1", "850", "90", 0), null);
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("offer.units");

        HttpResponse<String> unknownCategory = post(path, kor, pledge(null, "SUBMARINE_SQUADRON", "1", "1", "0", 0), null);
        assertThat(unknownCategory.statusCode()).isEqualTo(400);
        assertThat(unknownCategory.body()).contains("offer.category");

        String noCurrency = """
                {"offer":{"category":"FINANCIAL","financialContributions":[{"amount":"2500000.00"}],
                 "description":"Contribution","descriptionLanguage":"en"}}""";
        HttpResponse<String> currency = post(path, kor, noCurrency, null);
        assertThat(currency.statusCode()).isEqualTo(400);
        assertThat(currency.body()).contains("offer.financialContributions[0].currency");

        HttpResponse<String> women = post(path, kor, pledge(null, "FORMED_POLICE_UNIT", "1", "140", "141", 0), null);
        assertThat(women.statusCode()).isEqualTo(422);
        assertThat(women.body()).contains("women-exceed-personnel");

        HttpResponse<String> otherState = post(path, kor, pledge("JPN", "ENGINEERING_COMPANY", "1", "150", "10", 0), null);
        assertThat(otherState.statusCode()).isEqualTo(422);
        assertThat(otherState.body()).contains("own-state-only");

        HttpResponse<String> delegate = post(path, TokenRequest.delegate("seoul-2021-KOR", "dlg-1"),
                pledge(null, "ENGINEERING_COMPANY", "1", "150", "10", 0), null);
        assertThat(delegate.statusCode()).isEqualTo(403);
    }

    @Test
    void theLifecycleRefusesIllegalTransitionsAndOthersCannotSeeAStatesPledge() throws Exception {
        HttpResponse<String> created = post("/api/conferences/seoul-2021/pledges", TokenRequest.organizer(),
                pledge("RWA", "LEVEL_II_HOSPITAL", "1", "70", "22", 0), null);
        String id = json.readTree(created.body()).get("id").asString();

        HttpResponse<String> tooEarly = post("/api/pledges/" + id + "/acceptance", TokenRequest.organizer(), "", null);
        assertThat(tooEarly.statusCode()).isEqualTo(409);
        assertThat(json.readTree(tooEarly.body()).get("currentState").asString()).isEqualTo("SUBMITTED");

        assertThat(post("/api/pledges/" + id + "/acknowledgement", TokenRequest.organizer(), "", null).statusCode())
                .isEqualTo(200);
        assertThat(post("/api/pledges/" + id + "/acknowledgement", TokenRequest.focalPoint("seoul-2021-RWA"), "", null)
                .statusCode()).as("organisers only").isEqualTo(403);
        HttpResponse<String> announced = post("/api/pledges/" + id + "/announcement", TokenRequest.organizer(),
                "{\"sessionId\":\"seoul-2021-ministerial-1\",\"speaker\":\"Minister of Defence\"}", null);
        assertThat(json.readTree(announced.body()).get("status").asString()).isEqualTo("ANNOUNCED");

        assertThat(get("/api/pledges/" + id, TokenRequest.focalPoint("seoul-2021-RWA")).statusCode()).isEqualTo(200);
        assertThat(get("/api/pledges/" + id, TokenRequest.focalPoint("seoul-2021-BDI")).statusCode()).isEqualTo(404);
        HttpResponse<String> withdrawn = post("/api/pledges/" + id + "/withdrawal", TokenRequest.focalPoint("seoul-2021-RWA"),
                "{\"reason\":\"Unit committed elsewhere\"}", null);
        assertThat(json.readTree(withdrawn.body()).get("status").asString()).isEqualTo("WITHDRAWN");
        JsonNode history = json.readTree(withdrawn.body()).get("history");
        assertThat(history.size()).isEqualTo(5);
    }

    @Test
    void theGapFollowsPledgesAtOnceAndIsServedAsJsonCsvAndALiveStream() throws Exception {
        String requirement = "req-it-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> defined = post("/api/capability-requirements", TokenRequest.organizer(), """
                {"id":"%s","title":"Armed helicopter units","category":"ARMED_HELICOPTER_UNIT","measure":"EQUIPMENT_ITEMS",
                 "quantityNeeded":100000,"countingStatus":"SUBMITTED","source":"test"}""".formatted(requirement), null);
        assertThat(defined.statusCode()).isEqualTo(201);
        int coveredBefore = json.readTree(defined.body()).get("quantityCovered").asInt();

        List<String> streamed = new CopyOnWriteArrayList<>();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(uri("/api/capability-gap/stream"))
                .header("Authorization", "Bearer " + infra.token(TokenRequest.organizer()))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                lines.lines().filter(l -> l.startsWith("data:") && l.contains(requirement)).forEach(streamed::add);
            }
            catch (Exception e) {
                // the stream ends when the test does
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> !streamed.isEmpty());

        post("/api/conferences/seoul-2021/pledges", TokenRequest.focalPoint("seoul-2021-NOR"),
                pledge(null, "ARMED_HELICOPTER_UNIT", "1", "90", "9", 7), null);

        int expected = coveredBefore + 7;
        HttpResponse<String> gap = get("/api/capability-gap", TokenRequest.focalPoint("seoul-2021-NOR"));
        JsonNode row = find(json.readTree(gap.body()), requirement);
        assertThat(row.get("quantityCovered").asInt()).as("recomputed before the response").isEqualTo(expected);
        assertThat(row.get("gap").asInt()).isEqualTo(100000 - expected);

        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(uri("/api/capability-gap"))
                .header("Authorization", "Bearer " + infra.token(TokenRequest.organizer()))
                .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("requirement_id,title,category")
                .contains(requirement + ",Armed helicopter units,ARMED_HELICOPTER_UNIT,EQUIPMENT_ITEMS,,100000," + expected);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(streamed)
                .anySatisfy(line -> assertThat(line).contains("\"quantityCovered\":" + expected)));
        stream.body().close();
        reader.join(Duration.ofSeconds(5));

        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                assertThat(seen.stream().filter(r -> requirement.equals(r.key()))
                        .map(r -> (CapabilityGapChanged) EventCodec.standard().decode(r.value()))
                        .map(CapabilityGapChanged::quantityCovered)).contains(coveredBefore, expected);
            });
        }
    }

    @Test
    void aConferenceTallyCountsCurrentPledgesExactly() throws Exception {
        String conference = "it-" + UUID.randomUUID().toString().substring(0, 8);
        post("/api/conferences/" + conference + "/pledges", TokenRequest.focalPoint(conference + "-GHA"),
                pledge(null, "INFANTRY_BATTALION", "1", "850", "120", 0), null);
        HttpResponse<String> second = post("/api/conferences/" + conference + "/pledges",
                TokenRequest.focalPoint(conference + "-BGD"), pledge(null, "QUICK_REACTION_FORCE", "1", "180", "15", 0), null);
        String secondId = json.readTree(second.body()).get("id").asString();
        post("/api/pledges/" + secondId + "/revisions", TokenRequest.focalPoint(conference + "-BGD"),
                json.readTree(pledge(null, "QUICK_REACTION_FORCE", "2", "360", "30", 0)).get("offer").toString(), null);

        JsonNode tally = json.readTree(get("/api/conferences/" + conference + "/tally", TokenRequest.organizer()).body());

        assertThat(tally.get("pledges").asInt()).isEqualTo(2);
        assertThat(tally.get("newUnits").asInt()).isEqualTo(3);
        assertThat(tally.get("personnel").asInt()).isEqualTo(1210);
        assertThat(tally.get("womenPersonnel").asInt()).isEqualTo(150);
        assertThat(tally.get("byMemberState").get("BGD").asInt()).isEqualTo(1);
        assertThat(get("/api/conferences/" + conference + "/tally", TokenRequest.focalPoint(conference + "-GHA"))
                .statusCode()).isEqualTo(403);
    }

    private static JsonNode find(JsonNode rows, String requirementId) {
        for (JsonNode row : rows) {
            if (requirementId.equals(row.get("requirementId").asString())) {
                return row;
            }
        }
        throw new AssertionError("no row " + requirementId + " in " + rows);
    }

    private static String pledge(String memberState, String category, String units, String personnel, String women,
            int helicopters) {
        String state = memberState == null ? "" : "\"memberState\":\"" + memberState + "\",";
        String equipment = helicopters == 0 ? "[]" : "[{\"item\":\"helicopter\",\"quantity\":" + helicopters + "}]";
        return """
                {%s"offer":{"category":"%s","units":%s,"personnel":%s,"womenPersonnel":%s,"equipment":%s,
                 "a4pAreas":["PARTNERSHIPS"],"description":"Pledge","descriptionLanguage":"en"}}"""
                .formatted(state, category, units, personnel, women, equipment);
    }

    private HttpResponse<String> post(String path, TokenRequest token, String body, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + infra.token(token))
                .header("Content-Type", "application/json")
                .POST(body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
