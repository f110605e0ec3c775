package org.conferenceops.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.conferenceops.events.EventCodec;
import org.conferenceops.events.Topics;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** The registration flows end to end over HTTP, MongoDB and Kafka: as focal points, delegates and organisers use them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = Api.LOCAL_DEFAULTS)
class RegistrationFlowIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    List<ApplicationRunner> runners;

    @Autowired
    io.micrometer.observation.ObservationRegistry observations;

    private Api api() {
        return new Api(port);
    }

    @Test
    void requestsAreObservedOnceEachNotOncePerSecurityFilter() {
        // the platform's defaults switch Spring Security's per-filter observations off; the request's own stays
        assertThat(io.micrometer.observation.Observation.start("spring.security.filterchains", observations)
                .isNoop()).isTrue();
        assertThat(io.micrometer.observation.Observation.start("spring.security.authentications", observations)
                .isNoop()).isTrue();
        io.micrometer.observation.Observation request = io.micrometer.observation.Observation
                .start("http.server.requests", observations);
        assertThat(request.isNoop()).isFalse();
        request.stop();
    }

    @Test
    void theDemoSeedLoadsTheEditionsAndReferenceDelegationsOnceEvenWhenRunAgain() throws Exception {
        for (ApplicationRunner runner : runners) {
            runner.run(new DefaultApplicationArguments());
        }

        JsonNode berlin = Api.json(api().get("/api/conferences/berlin-2025", TokenRequest.organizer()));
        assertThat(berlin.get("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(berlin.get("startDate").asString()).isEqualTo("2025-05-13");
        assertThat(Api.json(api().get("/api/conferences", TokenRequest.organizer())).valueStream()
                .map(c -> c.get("id").asString()).toList())
                .contains("london-2016", "vancouver-2017", "new-york-2019", "seoul-2021", "accra-2023", "berlin-2025");
        JsonNode delegations = Api.json(api().get("/api/conferences/accra-2023/delegations", TokenRequest.organizer()));
        assertThat(delegations.size()).isEqualTo(193 + 2 + 5);
        assertThat(mongo.getCollection("conferences").countDocuments(new Document("_id", "seoul-2021"))).isEqualTo(1);
    }

    @Test
    void aDelegationForAnUnknownCountryOrTwiceForOneStateIsRefusedNamingTheField() throws Exception {
        String conference = api().newConference(null);
        HttpResponse<String> unknown = api().post("/api/conferences/" + conference + "/delegations",
                TokenRequest.organizer(), "{\"kind\":\"MEMBER_STATE\",\"code\":\"XYZ\"}");
        api().newDelegation(conference, "BRA");
        HttpResponse<String> twice = api().post("/api/conferences/" + conference + "/delegations",
                TokenRequest.organizer(), "{\"kind\":\"MEMBER_STATE\",\"code\":\"BRA\"}");
        HttpResponse<String> wrongConference = api().post("/api/conferences/no-such-edition/delegations",
                TokenRequest.organizer(), "{\"kind\":\"MEMBER_STATE\",\"code\":\"BRA\"}");

        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("\"unknown-country\"").contains("\"field\":\"code\"");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(wrongConference.statusCode()).isEqualTo(404);
    }

    @Test
    void theSizeCapRefusesTheSeatBeyondTheRuleWithAClearProblem() throws Exception {
        String conference = api().newConference("{\"representatives\":1,\"alternates\":1,\"advisers\":1}");
        String delegation = api().newDelegation(conference, "CAN");
        api().newDelegate(conference, delegation, "\"role\":\"HEAD\"");

        HttpResponse<String> second = api().post("/api/conferences/" + conference + "/delegations/" + delegation
                + "/delegates", TokenRequest.focalPoint(delegation), """
                {"givenName":"Jo","familyName":"Roy","email":"jo.%s@example.org","preferredLanguage":"fr",
                 "role":"REPRESENTATIVE"}""".formatted(UUID.randomUUID()));

        assertThat(second.statusCode()).isEqualTo(422);
        assertThat(second.body()).contains("\"rule\":\"delegation-size-cap\"").contains("\"field\":\"role\"")
                .contains("representative seats are taken");
        JsonNode view = Api.json(api().get("/api/conferences/" + conference + "/delegations/" + delegation,
                TokenRequest.focalPoint(delegation)));
        assertThat(view.get("representatives").asLong()).isEqualTo(1);
    }

    @Test
    void aSeatIsFreedOnceWhateverHappensToItsDelegateAndASubstituteHeadLeadsTheDelegation() throws Exception {
        String conference = api().newConference("{\"representatives\":2,\"alternates\":2,\"advisers\":1}");
        String delegation = api().newDelegation(conference, "NOR");
        String head = api().newDelegate(conference, delegation, "\"role\":\"HEAD\"");
        String leaving = api().newDelegate(conference, delegation, "\"role\":\"ALTERNATE\"");
        api().newDelegate(conference, delegation, "\"role\":\"ALTERNATE\"");
        String delegationPath = "/api/conferences/" + conference + "/delegations/" + delegation;

        for (int i = 0; i < 2; i++) {
            assertThat(api().post("/api/delegates/" + leaving + "/withdrawal", TokenRequest.organizer(),
                    "{\"reason\":\"left the delegation\"}").statusCode()).isEqualTo(200);
        }
        assertThat(api().send("DELETE", "/api/delegates/" + leaving + "/personal-data", TokenRequest.organizer(),
                null, null, Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> substituted = api().post("/api/delegates/" + head + "/substitution",
                TokenRequest.organizer(), """
                {"givenName":"Ola","familyName":"Nordmann","email":"ola.%s@example.org","preferredLanguage":"en"}"""
                .formatted(UUID.randomUUID()));

        assertThat(substituted.statusCode()).isEqualTo(201);
        JsonNode view = Api.json(api().get(delegationPath, TokenRequest.organizer()));
        assertThat(view.get("alternates").asLong()).as("withdrawn twice and erased: one seat freed").isEqualTo(1);
        assertThat(view.get("representatives").asLong()).as("the substitute holds the head's seat").isEqualTo(1);
        assertThat(view.get("headOfDelegationId").asString()).isEqualTo(Api.json(substituted).get("id").asString());
        api().newDelegate(conference, delegation, "\"role\":\"ALTERNATE\"");
        assertThat(api().post(delegationPath + "/delegates", TokenRequest.focalPoint(delegation), """
                {"givenName":"Kari","familyName":"Hansen","email":"kari.%s@example.org","preferredLanguage":"en",
                 "role":"ALTERNATE"}""".formatted(UUID.randomUUID())).statusCode())
                .as("the freed seat was taken; the cap holds").isEqualTo(422);
    }

    @Test
    void aCsvUploadKeepsGoodRowsReportsEachBadRowByLineAndARetryWithTheSameKeyCreatesNothingTwice() throws Exception {
        String conference = api().newConference(null);
        String delegation = api().newDelegation(conference, "GHA");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = """
                givenName,familyName,email,preferredLanguage,role,identityDocumentNumber
                Kwame,Asante,kwame.%1$s@example.org,en,HEAD,G1234567
                Ama,Mensah,not-an-email,en,ADVISER,
                Kofi,Boateng,kofi.%1$s@example.org,de,ADVISER,
                Yaa,Owusu,yaa.%1$s@example.org,fr,ALTERNATE,
                Efua,Owusu,YAA.%1$s@example.org,fr,ADVISER,
                Too,Few,fields
                """.formatted(tag);
        Map<String, String> key = Map.of("Idempotency-Key", "upload-" + tag);

        HttpResponse<String> first = api().send("POST", "/api/conferences/" + conference + "/delegations/" + delegation
                + "/delegates/bulk", TokenRequest.focalPoint(delegation), "text/csv", csv, key);
        HttpResponse<String> retry = api().send("POST", "/api/conferences/" + conference + "/delegations/" + delegation
                + "/delegates/bulk", TokenRequest.focalPoint(delegation), "text/csv", csv, key);
        HttpResponse<String> reused = api().send("POST", "/api/conferences/" + conference + "/delegations/" + delegation
                + "/delegates/bulk", TokenRequest.focalPoint(delegation), "text/csv", csv + "Extra,Row,x." + tag
                + "@example.org,en,ADVISER,\n", key);

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode report = Api.json(first);
        assertThat(report.get("received").asInt()).isEqualTo(6);
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("failed").asInt()).isEqualTo(4);
        assertThat(report.get("errors").valueStream().map(e -> e.get("line").asInt() + ":" + e.get("field").asString()
                + ":" + e.get("code").asString()).toList())
                .containsExactly("3:email:email", "4:preferredLanguage:pattern", "6:email:duplicate-email",
                        "7:row:malformed-row");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(Api.json(retry)).isEqualTo(report);
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.body()).contains("idempotency-key-reused");
        assertThat(mongo.getCollection("delegates").countDocuments(new Document("delegationId", delegation)))
                .isEqualTo(2);
        assertThat(Api.json(api().get("/api/conferences/" + conference + "/delegations/" + delegation,
                TokenRequest.organizer())).get("advisers").asLong()).isZero();
    }

    @Test
    void anInterruptedUploadRetriedWithItsKeyCreatesOnlyWhatIsMissing() throws Exception {
        String conference = api().newConference(null);
        String delegation = api().newDelegation(conference, "KEN");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String json = """
                [{"givenName":"Wanjiru","familyName":"Kamau","email":"w.%1$s@example.org","preferredLanguage":"en"},
                 {"givenName":"Otieno","familyName":"Odhiambo","email":"o.%1$s@example.org","preferredLanguage":"fr"}]"""
                .formatted(tag);
        Map<String, String> key = Map.of("Idempotency-Key", "json-" + tag);
        String path = "/api/conferences/" + conference + "/delegations/" + delegation + "/delegates/bulk";
        JsonNode first = Api.json(api().send("POST", path, TokenRequest.focalPoint(delegation), "application/json",
                json, key));
        // simulate a crash after the delegates were written but before the report was stored
        mongo.getCollection("bulk_imports").updateMany(new Document(), new Document("$unset", new Document("report", "")));

        JsonNode again = Api.json(api().send("POST", path, TokenRequest.focalPoint(delegation), "application/json",
                json, key));

        assertThat(first.get("created").asInt()).isEqualTo(2);
        assertThat(again.get("created").asInt()).isEqualTo(2);
        assertThat(again.get("delegates")).isEqualTo(first.get("delegates"));
        assertThat(mongo.getCollection("delegates").countDocuments(new Document("delegationId", delegation)))
                .isEqualTo(2);
    }

    @Test
    void aFullSizeUploadOf4000RowsIsRegisteredInOneRequest() throws Exception {
        String conference = api().newConference("{\"representatives\":5,\"alternates\":5,\"advisers\":4000}");
        String delegation = api().newDelegation(conference, "IND");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("givenName,familyName,email,preferredLanguage,identityDocumentNumber\n");
        for (int i = 0; i < 4000; i++) {
            csv.append("Given").append(i).append(",Family,p").append(i).append('.').append(tag)
                    .append("@example.org,en,Z").append(1000000 + i).append('\n');
        }
        long started = System.nanoTime();

        HttpResponse<String> response = api().send("POST", "/api/conferences/" + conference + "/delegations/"
                + delegation + "/delegates/bulk", TokenRequest.focalPoint(delegation), "text/csv", csv.toString(),
                Map.of("Idempotency-Key", "big-" + tag));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LoggerFactory.getLogger(RegistrationFlowIT.class).info("4000-row CSV upload took {} ms", took.toMillis());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Api.json(response).get("created").asInt()).isEqualTo(4000);
        assertThat(took).isLessThan(Duration.ofSeconds(120));
    }

    @Test
    void malformedOrOversizedUploadsAreRefusedWithProblemDetails() throws Exception {
        String conference = api().newConference(null);
        String delegation = api().newDelegation(conference, "PER");
        String path = "/api/conferences/" + conference + "/delegations/" + delegation + "/delegates/bulk";

        HttpResponse<String> unclosed = api().send("POST", path, TokenRequest.focalPoint(delegation), "text/csv",
                "givenName,familyName,email,preferredLanguage\n\"Ana,Silva,a@example.org,es\n", Map.of());
        HttpResponse<String> unknownColumn = api().send("POST", path, TokenRequest.focalPoint(delegation), "text/csv",
                "givenName,familyName,email,preferredLanguage,shoeSize\nA,B,a@example.org,es,42\n", Map.of());
        StringBuilder tooMany = new StringBuilder("givenName,familyName,email,preferredLanguage\n");
        for (int i = 0; i < 4001; i++) {
            tooMany.append("A,B,a").append(i).append("@example.org,en\n");
        }
        HttpResponse<String> rows = api().send("POST", path, TokenRequest.focalPoint(delegation), "text/csv",
                tooMany.toString(), Map.of());
        HttpResponse<String> huge = api().send("POST", path, TokenRequest.focalPoint(delegation), "text/csv",
                "x".repeat(21 * 1024 * 1024), Map.of());

        assertThat(unclosed.statusCode()).isEqualTo(400);
        assertThat(unclosed.body()).contains("malformed-csv");
        assertThat(unknownColumn.statusCode()).isEqualTo(400);
        assertThat(unknownColumn.body()).contains("\"field\":\"shoeSize\"").contains("unknown-column");
        assertThat(rows.statusCode()).isEqualTo(422);
        assertThat(rows.body()).contains("bulk-row-limit");
        assertThat(huge.statusCode()).isEqualTo(413);
    }

    @Test
    void theIdentityDocumentIsStoredEncryptedAndShownOnlyInThePersonsOwnExport() throws Exception {
        String conference = api().newConference(null);
        String delegation = api().newDelegation(conference, "JPN");
        String delegate = api().newDelegate(conference, delegation,
                "\"identityDocumentNumber\":\"TZ9876543\",\"nativeGivenName\":\"花子\",\"nativeFamilyName\":\"山田\"");

        Document stored = mongo.getCollection("delegates").find(new Document("_id", delegate)).first();
        HttpResponse<String> detail = api().get("/api/delegates/" + delegate, TokenRequest.organizer());
        HttpResponse<String> list = api().get("/api/conferences/" + conference + "/delegates?delegationId=" + delegation,
                TokenRequest.organizer());
        HttpResponse<String> own = api().get("/api/delegates/" + delegate + "/personal-data",
                TokenRequest.delegate(delegation, delegate));
        HttpResponse<String> focalPoint = api().get("/api/delegates/" + delegate + "/personal-data",
                TokenRequest.focalPoint(delegation));

        assertThat(stored.toJson()).doesNotContain("TZ9876543").contains("identityDocument");
        assertThat(detail.body()).doesNotContain("TZ9876543").contains("\"identityDocumentOnFile\":true");
        assertThat(list.body()).doesNotContain("TZ9876543").doesNotContain("identityDocument");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(Api.json(own).get("identityDocumentNumber").asString()).isEqualTo("TZ9876543");
        assertThat(Api.json(own).get("delegate").get("nativeFamilyName").asString()).isEqualTo("山田");
        assertThat(focalPoint.statusCode()).isEqualTo(404);
    }

    @Test
    void eachCallerSeesAndChangesOnlyWhatIsTheirs() throws Exception {
        String conference = api().newConference(null);
        String mine = api().newDelegation(conference, "NOR");
        String theirs = api().newDelegation(conference, "SWE");
        String me = api().newDelegate(conference, mine, null);
        String colleague = api().newDelegate(conference, mine, null);
        String stranger = api().newDelegate(conference, theirs, null);
        String update = "{\"preferredLanguage\":\"ru\",\"timeZone\":\"Europe/Oslo\"}";

        assertThat(api().get("/api/delegates/" + me, TokenRequest.delegate(mine, me)).statusCode()).isEqualTo(200);
        assertThat(api().get("/api/delegates/" + colleague, TokenRequest.delegate(mine, me)).statusCode()).isEqualTo(404);
        assertThat(api().get("/api/delegates/" + stranger, TokenRequest.focalPoint(mine)).statusCode()).isEqualTo(404);
        assertThat(api().send("PATCH", "/api/delegates/" + stranger, TokenRequest.focalPoint(mine), "application/json",
                update, Map.of()).statusCode()).isEqualTo(404);
        assertThat(api().send("PATCH", "/api/delegates/" + colleague, TokenRequest.delegate(mine, me),
                "application/json", update, Map.of()).statusCode()).isEqualTo(404);
        assertThat(api().get("/api/conferences/" + conference + "/delegations/" + theirs, TokenRequest.focalPoint(mine))
                .statusCode()).isEqualTo(404);
        assertThat(api().get("/api/conferences/" + conference + "/delegates?delegationId=" + theirs,
                TokenRequest.focalPoint(mine)).statusCode()).isEqualTo(404);
        JsonNode focalList = Api.json(api().get("/api/conferences/" + conference + "/delegates",
                TokenRequest.focalPoint(mine)));
        assertThat(focalList.get("content").valueStream().map(d -> d.get("id").asString()).toList())
                .containsExactlyInAnyOrder(me, colleague);
        assertThat(api().post("/api/delegates/" + me + "/accreditation", TokenRequest.focalPoint(mine), "{}")
                .statusCode()).isEqualTo(403);

        HttpResponse<String> changed = api().send("PATCH", "/api/delegates/" + me, TokenRequest.delegate(mine, me),
                "application/json", update, Map.of());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(Api.json(changed).get("preferredLanguage").asString()).isEqualTo("ru");
        awaitEvent(me, "registration.DelegateUpdated");
    }

    @Test
    void accreditationBadgeAndDoorCheckInWorkEndToEndAndRefuseWhatTheyShould() throws Exception {
        String conference = api().newConference(null);
        String other = api().newConference(null);
        String delegation = api().newDelegation(conference, "DEU");
        String delegate = api().newDelegate(conference, delegation,
                "\"vipRank\":\"MINISTER\",\"role\":\"HEAD\",\"nativeGivenName\":\"Ana\"");
        String rejected = api().newDelegate(conference, delegation, null);

        JsonNode queue = Api.json(api().get("/api/conferences/" + conference + "/accreditation/queue",
                TokenRequest.organizer()));
        assertThat(queue.get("counts").get("PENDING").asLong()).isEqualTo(2);
        assertThat(queue.get("vipsPending").asLong()).isEqualTo(1);
        assertThat(api().post("/api/delegates/" + rejected + "/rejection", TokenRequest.organizer(), "{}")
                .statusCode()).isEqualTo(400);
        assertThat(api().post("/api/delegates/" + rejected + "/rejection", TokenRequest.organizer(),
                "{\"reason\":\"No Note Verbale\"}").statusCode()).isEqualTo(200);
        assertThat(api().post("/api/delegates/" + rejected + "/accreditation", TokenRequest.organizer(), "{}")
                .body()).contains("in state REJECTED");
        assertThat(api().post("/api/delegates/" + delegate + "/documents", TokenRequest.focalPoint(delegation),
                "{\"kind\":\"NOTE_VERBALE\",\"reference\":\"NV-2025-114\"}").statusCode()).isEqualTo(200);
        assertThat(api().post("/api/delegates/" + delegate + "/badge", TokenRequest.organizer(), "{}").statusCode())
                .isEqualTo(409);
        assertThat(api().post("/api/delegates/" + delegate + "/accreditation", TokenRequest.organizer(), "{}")
                .statusCode()).isEqualTo(200);
        JsonNode counts = Api.json(api().get("/api/conferences/" + conference + "/accreditation/queue",
                TokenRequest.organizer())).get("counts");
        assertThat(counts.get("ACCREDITED").asLong()).isEqualTo(1);
        assertThat(counts.get("REJECTED").asLong()).isEqualTo(1);

        HttpResponse<String> issued = api().post("/api/delegates/" + delegate + "/badge", TokenRequest.organizer(), "{}");
        assertThat(issued.statusCode()).isEqualTo(201);
        String qr = Api.json(issued).get("qrPayload").asString();
        HttpResponse<byte[]> png = api().getBytes("/api/delegates/" + delegate + "/badge.png",
                TokenRequest.delegate(delegation, delegate));
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');

        String scans = "/api/conferences/" + conference + "/checkins";
        HttpResponse<String> in = api().post(scans, TokenRequest.ops(), scan(qr, "north-gate"));
        HttpResponse<String> again = api().post(scans, TokenRequest.ops(), scan(qr, "south-gate"));
        String altered = qr.substring(0, 10) + (qr.charAt(10) == 'A' ? 'B' : 'A') + qr.substring(11);
        HttpResponse<String> forged = api().post(scans, TokenRequest.ops(), scan(altered, "north-gate"));
        HttpResponse<String> elsewhere = api().post("/api/conferences/" + other + "/checkins", TokenRequest.ops(),
                scan(qr, "north-gate"));

        assertThat(in.statusCode()).isEqualTo(201);
        assertThat(Api.json(in).get("outcome").asString()).isEqualTo("ADMITTED");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Api.json(again).get("outcome").asString()).isEqualTo("ALREADY_INSIDE");
        assertThat(Api.json(again).get("entrance").asString()).isEqualTo("north-gate");
        assertThat(forged.statusCode()).isEqualTo(422);
        assertThat(forged.body()).contains("invalid-badge");
        assertThat(elsewhere.statusCode()).isEqualTo(422);
        assertThat(elsewhere.body()).contains("wrong-conference");
        JsonNode live = Api.json(api().get(scans + "/counts", TokenRequest.organizer()));
        assertThat(live.get("total").asLong()).isEqualTo(1);
        assertThat(live.get("byEntrance").get("north-gate").asLong()).isEqualTo(1);
        assertThat(live.path("byMinute").isMissingNode() || live.path("byMinute").isNull())
                .as("hourly only unless asked").isTrue();
        JsonNode perMinute = Api.json(api().get(scans + "/counts?resolution=minute", TokenRequest.organizer()));
        JsonNode northMinutes = perMinute.get("byMinute").get("north-gate");
        assertThat(northMinutes.size()).as("one slot per minute of the last hour").isBetween(60, 61);
        assertThat(northMinutes.valueStream().mapToLong(JsonNode::asLong).sum()).isEqualTo(1);
        assertThat(perMinute.get("byMinute").get("south-gate").valueStream().mapToLong(JsonNode::asLong).sum())
                .isZero();
        assertThat(perMinute.get("byHour").valueStream().mapToLong(JsonNode::asLong).sum()).isEqualTo(1);
        JsonNode later = Api.json(api().get(scans + "/counts?resolution=minute&since="
                + java.time.Instant.now().plusSeconds(120), TokenRequest.organizer()));
        assertThat(later.get("byMinute").get("north-gate").valueStream().mapToLong(JsonNode::asLong).sum()).isZero();
        assertThat(api().get(scans + "/counts?resolution=second", TokenRequest.organizer()).statusCode())
                .isEqualTo(422);

        assertThat(api().post("/api/delegates/" + delegate + "/withdrawal", TokenRequest.organizer(),
                "{\"reason\":\"left the delegation\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> revoked = api().post(scans, TokenRequest.ops(), scan(qr, "north-gate"));
        assertThat(revoked.statusCode()).isEqualTo(422);
        assertThat(revoked.body()).contains("badge-revoked").contains("registration withdrawn");
        List<String> types = awaitEvent(delegate, "registration.RegistrationWithdrawn");
        assertThat(types).containsSubsequence("registration.DelegateRegistered", "registration.DelegateAccredited",
                "registration.BadgeIssued", "registration.BadgeRevoked", "registration.RegistrationWithdrawn");
    }

    @Test
    void anOfflineScannerBatchIsAnsweredPerScanAndDuplicatesAcrossDevicesAreRecognised() throws Exception {
        String conference = api().newConference(null);
        String delegation = api().newDelegation(conference, "GHA");
        String delegate = api().newDelegate(conference, delegation, null);
        api().post("/api/delegates/" + delegate + "/accreditation", TokenRequest.organizer(), "{}");
        String qr = Api.json(api().post("/api/delegates/" + delegate + "/badge", TokenRequest.organizer(), "{}"))
                .get("qrPayload").asString();
        String path = "/api/conferences/" + conference + "/checkins/bulk";
        String scan = "{\"qr\":\"" + qr + "\",\"entrance\":\"south-gate\"}";

        JsonNode deviceA = Api.json(api().post(path, TokenRequest.ops(),
                "{\"deviceId\":\"scanner-a\",\"scans\":[" + scan + "," + scan + ",{\"qr\":\"garbage\",\"entrance\":\"south-gate\"}]}"));
        JsonNode deviceB = Api.json(api().post(path, TokenRequest.ops(),
                "{\"deviceId\":\"scanner-b\",\"scans\":[" + scan + "]}"));

        assertThat(deviceA.valueStream().map(o -> o.get("outcome").asString()).toList())
                .containsExactly("ADMITTED", "ALREADY_INSIDE", "REFUSED");
        assertThat(deviceA.get(2).get("reason").asString()).startsWith("invalid-badge");
        assertThat(deviceB.get(0).get("outcome").asString()).isEqualTo("ALREADY_INSIDE");
        assertThat(deviceB.get(0).get("firstDevice").asString()).isEqualTo("scanner-a");
        assertThat(mongo.getCollection("checkins").countDocuments(new Document("delegateId", delegate))).isEqualTo(1);
    }

    @Test
    void erasureRemovesPersonalDataForGoodFreesTheSeatAndTellsOtherServices() throws Exception {
        String conference = api().newConference(null);
        String delegation = api().newDelegation(conference, "ITA");
        String delegate = api().newDelegate(conference, delegation,
                "\"identityDocumentNumber\":\"YA1234567\",\"phone\":\"+39 06 1234 5678\",\"role\":\"ALTERNATE\"");

        HttpResponse<String> erased = api().send("DELETE", "/api/delegates/" + delegate + "/personal-data",
                TokenRequest.delegate(delegation, delegate), null, null, Map.of());

        assertThat(erased.statusCode()).isEqualTo(200);
        // events raised before the erasure sit in the document's outbox until the relay has published them
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mongo.getCollection("delegates")
                .find(new Document("_id", delegate)).first().toJson()).doesNotContain("Silva").doesNotContain("ana.")
                .doesNotContain("1234 5678").doesNotContain("identityDocument\"").contains("ERASED"));
        assertThat(Api.json(api().get("/api/conferences/" + conference + "/delegations/" + delegation,
                TokenRequest.organizer())).get("alternates").asLong()).isZero();
        assertThat(awaitEvent(delegate, "registration.DelegateErased")).last().isEqualTo("registration.DelegateErased");
    }

    private static String scan(String qr, String entrance) {
        return "{\"qr\":\"" + qr + "\",\"entrance\":\"" + entrance + "\",\"deviceId\":\"door-1\"}";
    }

    /** The event types published for a key, once the expected one has arrived. */
    private static List<String> awaitEvent(String key, String type) {
        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.REGISTRATION));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        types.add(EventCodec.standard().read(record.value()).type());
                    }
                }
                return types.contains(type);
            });
        }
        return types;
    }
}
