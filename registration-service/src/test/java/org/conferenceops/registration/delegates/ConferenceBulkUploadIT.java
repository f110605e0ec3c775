package org.conferenceops.registration.delegates;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.registration.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** An organiser's bulk upload for a whole conference: a delegation column, each delegation's cap, per-row errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = Api.LOCAL_DEFAULTS)
class ConferenceBulkUploadIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void anOrganiserUploadsRowsForSeveralDelegationsWithEachCapEnforcedAndEachBadRowReportedByLine() throws Exception {
        Api api = new Api(port);
        String conference = api.newConference("{\"representatives\":1,\"alternates\":0,\"advisers\":1}");
        String korea = api.newDelegation(conference, "KOR");
        String ghana = api.newDelegation(conference, "GHA");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = """
                delegation,givenName,familyName,email,preferredLanguage,role,nativeFamilyName,nativeGivenName
                KOR,Min-jun,Kim,min-jun.%1$s@example.org,en,HEAD,김,민준
                %2$s,Kwame,Asante,kwame.%1$s@example.org,en,HEAD,,
                KOR,Seo-yeon,Lee,seo-yeon.%1$s@example.org,en,HEAD,,
                GHA,Ama,Mensah,not-an-email,en,ADVISER,,
                ,No,Delegation,nobody.%1$s@example.org,en,ADVISER,,
                ATL,Lost,Atlantis,lost.%1$s@example.org,en,ADVISER,,
                GHA,Kofi,Boateng,kofi.%1$s@example.org,fr,ADVISER,,
                KOR,Too,Few
                """.formatted(tag, ghana);
        Map<String, String> key = Map.of("Idempotency-Key", "conference-upload-" + tag);
        String path = "/api/conferences/" + conference + "/delegates/bulk";

        HttpResponse<String> first = api.send("POST", path, TokenRequest.organizer(), "text/csv", csv, key);
        HttpResponse<String> retry = api.send("POST", path, TokenRequest.organizer(), "text/csv", csv, key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode report = Api.json(first);
        assertThat(report.get("received").asInt()).isEqualTo(8);
        assertThat(report.get("created").asInt()).isEqualTo(3);
        assertThat(report.get("delegates").valueStream().map(d -> d.get("line").asInt()).toList())
                .containsExactly(2, 3, 8);
        assertThat(report.get("errors").valueStream().map(e -> e.get("line").asInt() + ":" + e.get("field").asString()
                + ":" + e.get("code").asString()).toList())
                .containsExactly("4:role:delegation-size-cap", "5:email:email", "6:delegation:not-blank",
                        "7:delegation:unknown-delegation", "9:row:malformed-row");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(Api.json(retry)).isEqualTo(report);
        assertThat(count(korea)).isEqualTo(1);
        assertThat(count(ghana)).isEqualTo(2);
    }

    @Test
    void aJsonUploadNamesEachRowsDelegationInADelegationField() throws Exception {
        Api api = new Api(port);
        String conference = api.newConference(null);
        String kenya = api.newDelegation(conference, "KEN");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String json = """
                [{"delegation":"KEN","givenName":"Wanjiru","familyName":"Kamau","email":"w.%1$s@example.org",
                  "preferredLanguage":"en"},
                 {"delegation":"%2$s","givenName":"Otieno","familyName":"Odhiambo","email":"o.%1$s@example.org",
                  "preferredLanguage":"fr"},
                 {"givenName":"No","familyName":"Delegation","email":"n.%1$s@example.org","preferredLanguage":"fr"}]"""
                .formatted(tag, kenya);

        HttpResponse<String> response = api.send("POST", "/api/conferences/" + conference + "/delegates/bulk",
                TokenRequest.organizer(), "application/json", json, Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = Api.json(response);
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("errors").valueStream().map(e -> e.get("line").asInt() + ":" + e.get("code").asString())
                .toList()).containsExactly("3:not-blank");
        assertThat(count(kenya)).isEqualTo(2);
    }

    @Test
    void onlyOrganisersUploadForAWholeConferenceAndTheRowLimitHolds() throws Exception {
        Api api = new Api(port);
        String conference = api.newConference(null);
        String peru = api.newDelegation(conference, "PER");
        String path = "/api/conferences/" + conference + "/delegates/bulk";
        String one = "delegation,givenName,familyName,email,preferredLanguage\nPER,A,B,a@example.org,es\n";
        StringBuilder tooMany = new StringBuilder("delegation,givenName,familyName,email,preferredLanguage\n");
        for (int i = 0; i < 4001; i++) {
            tooMany.append("PER,A,B,a").append(i).append("@example.org,en\n");
        }

        HttpResponse<String> focalPoint = api.send("POST", path, TokenRequest.focalPoint(peru), "text/csv", one,
                Map.of());
        HttpResponse<String> rows = api.send("POST", path, TokenRequest.organizer(), "text/csv", tooMany.toString(),
                Map.of());
        HttpResponse<String> noColumn = api.send("POST", path, TokenRequest.organizer(), "text/csv",
                "givenName,familyName,email,preferredLanguage\nA,B,a@example.org,es\n", Map.of());

        assertThat(focalPoint.statusCode()).isEqualTo(403);
        assertThat(rows.statusCode()).isEqualTo(422);
        assertThat(rows.body()).contains("bulk-row-limit");
        assertThat(noColumn.statusCode()).isEqualTo(400);
        assertThat(noColumn.body()).contains("\"field\":\"delegation\"").contains("missing-column");
        assertThat(count(peru)).isZero();
    }

    private long count(String delegationId) {
        return mongo.count(Query.query(Criteria.where("delegationId").is(delegationId)), "delegates");
    }
}
