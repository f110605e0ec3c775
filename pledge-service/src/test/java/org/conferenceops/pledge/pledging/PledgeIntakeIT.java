package org.conferenceops.pledge.pledging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
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
import org.conferenceops.events.pledge.EquipmentQuantity;
import org.conferenceops.events.pledge.FinancialAmount;
import org.conferenceops.events.pledge.PartyRole;
import org.conferenceops.events.pledge.PledgeParty;
import org.conferenceops.events.pledge.PledgeSubmitted;
import org.conferenceops.events.registration.DelegationKind;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.pledge.UpstreamEvents;
import org.conferenceops.pledge.delegations.Delegations;
import org.conferenceops.pledge.programme.Programme;
import org.conferenceops.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

    @Autowired
    Delegations delegations;
    @Autowired
    Programme programme;

    @Test
    void aRetriedSubmissionWithTheSameIdempotencyKeyCreatesOnePledgeAndPublishesOneEvent() throws Exception {
        String delegation = UpstreamEvents.delegation(delegations, "seoul-2021", "KOR");
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
                    assertThat(e.equipment()).containsExactly(new EquipmentQuantity("helicopter", 12));
                    assertThat(e.financialContributions()).isEmpty();
                    assertThat(e.parties()).containsExactly(new PledgeParty("KOR", PartyRole.CONTRIBUTOR, true));
                });
            });
        }
    }

    @Test
    void moneyAndPartiesTravelInTheSubmittedEventExactlyWithAmountsAsDecimalStrings() throws Exception {
        String conference = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String netherlands = UpstreamEvents.delegation(delegations, conference, "NLD");
        String body = """
                {"offer":{"category":"FINANCIAL","financialContributions":[
                   {"amount":"2500000.00","currency":"USD","purpose":"Deployment costs"},
                   {"amount":"0.10","currency":"EUR"}],
                 "description":"Funding","descriptionLanguage":"en"},
                 "parties":[{"memberState":"NOR","role":"FUNDER"}]}""";
        HttpResponse<String> created = post("/api/conferences/" + conference + "/pledges",
                TokenRequest.focalPoint(netherlands), body, null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();

        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                ConsumerRecord<String, byte[]> record = seen.stream().filter(r -> id.equals(r.key())).findFirst()
                        .orElseThrow(() -> new AssertionError("no event of " + id + " yet"));
                JsonNode amount = json.readTree(record.value()).get("data").get("financialContributions").get(0)
                        .get("amount");
                assertThat(amount.isString()).as("an amount is a decimal string on the wire: %s", amount).isTrue();
                assertThat(amount.asString()).isEqualTo("2500000.00");
                PledgeSubmitted event = (PledgeSubmitted) EventCodec.standard().decode(record.value());
                assertThat(event.financialContributions()).containsExactly(
                        new FinancialAmount(new BigDecimal("2500000.00"), "USD", "Deployment costs"),
                        new FinancialAmount(new BigDecimal("0.10"), "EUR", null));
                assertThat(event.parties()).containsExactly(new PledgeParty("NLD", PartyRole.CONTRIBUTOR, true),
                        new PledgeParty("NOR", PartyRole.FUNDER, false));
            });
        }
    }

    @Test
    void everyRejectionIsAProblemNamingWhatIsWrong() throws Exception {
        String path = "/api/conferences/seoul-2021/pledges";
        TokenRequest kor = TokenRequest.focalPoint(UpstreamEvents.delegation(delegations, "seoul-2021", "KOR"));

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

        HttpResponse<String> unregistered = post(path, TokenRequest.focalPoint("seoul-2021-X" + UUID.randomUUID()),
                pledge(null, "ENGINEERING_COMPANY", "1", "150", "10", 0), null);
        assertThat(unregistered.statusCode()).isEqualTo(422);
        assertThat(unregistered.body()).contains("known-delegation").contains("is not registered");

        // the token's delegation id looks like Korea's, but registration-service registered it as an organisation
        String organisation = UpstreamEvents.delegation(delegations, "seoul-2021", "KOR-EU" + UUID.randomUUID()
                .toString().substring(0, 4), DelegationKind.ORGANISATION);
        HttpResponse<String> notAState = post(path, TokenRequest.focalPoint(organisation),
                pledge(null, "ENGINEERING_COMPANY", "1", "150", "10", 0), null);
        assertThat(notAState.statusCode()).isEqualTo(422);
        assertThat(notAState.body()).contains("member-state-delegation");

        HttpResponse<String> otherConference = post("/api/conferences/accra-2023/pledges", kor,
                pledge(null, "ENGINEERING_COMPANY", "1", "150", "10", 0), null);
        assertThat(otherConference.statusCode()).isEqualTo(422);
        assertThat(otherConference.body()).contains("own-conference-only");

        HttpResponse<String> delegate = post(path, TokenRequest.delegate("seoul-2021-KOR", "dlg-1"),
                pledge(null, "ENGINEERING_COMPANY", "1", "150", "10", 0), null);
        assertThat(delegate.statusCode()).isEqualTo(403);
    }

    @Test
    void theLifecycleRefusesIllegalTransitionsAndOthersCannotSeeAStatesPledge() throws Exception {
        String rwanda = UpstreamEvents.delegation(delegations, "seoul-2021", "RWA");
        String burundi = UpstreamEvents.delegation(delegations, "seoul-2021", "BDI");
        String session = "seoul-2021-pledging-" + UUID.randomUUID();
        UpstreamEvents.session(programme, session, "seoul-2021");
        String slot = UpstreamEvents.speaker(programme, session, "seoul-2021", rwanda, "Minister of Defence", true);
        HttpResponse<String> created = post("/api/conferences/seoul-2021/pledges", TokenRequest.organizer(),
                pledge("RWA", "LEVEL_II_HOSPITAL", "1", "70", "22", 0), null);
        String id = json.readTree(created.body()).get("id").asString();

        HttpResponse<String> tooEarly = post("/api/pledges/" + id + "/acceptance", TokenRequest.organizer(), "", null);
        assertThat(tooEarly.statusCode()).isEqualTo(409);
        assertThat(json.readTree(tooEarly.body()).get("currentState").asString()).isEqualTo("SUBMITTED");

        assertThat(post("/api/pledges/" + id + "/acknowledgement", TokenRequest.organizer(), "", null).statusCode())
                .isEqualTo(200);
        assertThat(post("/api/pledges/" + id + "/acknowledgement", TokenRequest.focalPoint(rwanda), "", null)
                .statusCode()).as("organisers only").isEqualTo(403);
        HttpResponse<String> announced = post("/api/pledges/" + id + "/announcement", TokenRequest.organizer(),
                "{\"sessionId\":\"%s\",\"inscriptionId\":\"%s\"}".formatted(session, slot), null);
        assertThat(announced.statusCode()).as(announced.body()).isEqualTo(200);
        assertThat(json.readTree(announced.body()).get("status").asString()).isEqualTo("ANNOUNCED");
        assertThat(json.readTree(announced.body()).get("announcement").get("inscriptionId").asString()).isEqualTo(slot);
        assertThat(json.readTree(announced.body()).get("announcement").get("speaker").asString())
                .isEqualTo("Minister of Defence");

        JsonNode sessionTally = json.readTree(get("/api/conferences/seoul-2021/tally?sessionId=" + session,
                TokenRequest.organizer()).body());
        assertThat(sessionTally.get("pledges").asInt()).isEqualTo(1);
        assertThat(sessionTally.get("byMemberState").get("RWA").asInt()).isEqualTo(1);

        assertThat(get("/api/pledges/" + id, TokenRequest.focalPoint(rwanda)).statusCode()).isEqualTo(200);
        assertThat(get("/api/pledges/" + id, TokenRequest.focalPoint(burundi)).statusCode()).isEqualTo(404);
        HttpResponse<String> withdrawn = post("/api/pledges/" + id + "/withdrawal", TokenRequest.focalPoint(rwanda),
                "{\"reason\":\"Unit committed elsewhere\"}", null);
        assertThat(json.readTree(withdrawn.body()).get("status").asString()).isEqualTo("WITHDRAWN");
        JsonNode history = json.readTree(withdrawn.body()).get("history");
        assertThat(history.size()).isEqualTo(5);
    }

    @Test
    void anAnnouncementMustBeAPledgeSlotOfThePledgingStateOnTheSessionsSpeakersList() throws Exception {
        String conference = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String ghana = UpstreamEvents.delegation(delegations, conference, "GHA");
        String kenya = UpstreamEvents.delegation(delegations, conference, "KEN");
        String session = conference + "-pledging";
        UpstreamEvents.session(programme, session, conference);
        String elsewhere = "other-" + UUID.randomUUID();
        UpstreamEvents.session(programme, elsewhere, "accra-2023");
        String ghanaSlot = UpstreamEvents.speaker(programme, session, conference, ghana, "Dominic Nitiwul", true);
        String ghanaStatement = UpstreamEvents.speaker(programme, session, conference, ghana, "Shirley Botchwey",
                false);
        String kenyaSlot = UpstreamEvents.speaker(programme, session, conference, kenya, "Monica Juma", true);
        HttpResponse<String> created = post("/api/conferences/" + conference + "/pledges",
                TokenRequest.focalPoint(ghana), pledge(null, "INFANTRY_BATTALION", "1", "850", "120", 0), null);
        String id = json.readTree(created.body()).get("id").asString();
        post("/api/pledges/" + id + "/acknowledgement", TokenRequest.organizer(), "", null);
        String path = "/api/pledges/" + id + "/announcement";

        assertThat(announce(path, "{\"sessionId\":\"no-such-session\",\"inscriptionId\":\"x\"}"))
                .contains("announcement-link").contains("unknown-session");
        assertThat(announce(path, "{\"sessionId\":\"%s\",\"inscriptionId\":\"x\"}".formatted(elsewhere)))
                .contains("another-conference");
        assertThat(announce(path, "{\"sessionId\":\"%s\",\"inscriptionId\":\"nobody\"}".formatted(session)))
                .contains("\"field\":\"inscriptionId\"").contains("not-inscribed");
        assertThat(announce(path, "{\"sessionId\":\"%s\",\"inscriptionId\":\"%s\"}".formatted(session, kenyaSlot)))
                .contains("another-state");
        assertThat(announce(path, "{\"sessionId\":\"%s\",\"inscriptionId\":\"%s\"}".formatted(session,
                ghanaStatement))).contains("no-pledge-announcement-slot");
        assertThat(announce(path, "{\"sessionId\":\"%s\"}".formatted(session))).contains("required");
        assertThat(json.readTree(get("/api/pledges/" + id, TokenRequest.organizer()).body()).get("status").asString())
                .as("nothing half-written").isEqualTo("ACKNOWLEDGED");

        HttpResponse<String> byName = post(path, TokenRequest.organizer(),
                "{\"sessionId\":\"%s\",\"speaker\":\"dominic nitiwul\"}".formatted(session), null);
        assertThat(byName.statusCode()).as(byName.body()).isEqualTo(200);
        assertThat(json.readTree(byName.body()).get("announcement").get("inscriptionId").asString()).isEqualTo(ghanaSlot);
        assertThat(json.readTree(get("/api/conferences/" + conference + "/tally?sessionId=" + session,
                TokenRequest.organizer()).body()).get("personnel").asInt()).isEqualTo(850);
    }

    private String announce(String path, String body) throws Exception {
        HttpResponse<String> response = post(path, TokenRequest.organizer(), body, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        return response.body();
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

        String norway = UpstreamEvents.delegation(delegations, "seoul-2021", "NOR");
        post("/api/conferences/seoul-2021/pledges", TokenRequest.focalPoint(norway),
                pledge(null, "ARMED_HELICOPTER_UNIT", "1", "90", "9", 7), null);

        int expected = coveredBefore + 7;
        HttpResponse<String> gap = get("/api/capability-gap", TokenRequest.focalPoint(norway));
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
        UpstreamEvents.delegation(delegations, conference, "GHA");
        UpstreamEvents.delegation(delegations, conference, "BGD");
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
