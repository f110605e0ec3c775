package org.conferenceops.pledge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.pledge.UpstreamEvents;
import org.conferenceops.pledge.delegations.Delegations;
import org.conferenceops.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Seoul 2021 demo data: seeded once, counted in the gap, and the joint pledge completes live. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "conference-ops.demo-data=true")
class SeoulDemoDataIT {

    @LocalServerPort
    int port;

    @Autowired
    SeoulDemoData demoData;

    @Autowired
    Delegations delegations;

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestInfrastructure infra = TestInfrastructure.get();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void seedingTwiceAddsNothingAndTheJointHelicopterUnitCountsOnceEveryPartyConfirmed() throws Exception {
        int pledgesBefore = get("/api/conferences/seoul-2021/pledges", TokenRequest.organizer()).size();
        demoData.seed();
        assertThat(get("/api/conferences/seoul-2021/pledges", TokenRequest.organizer()).size())
                .isEqualTo(pledgesBefore);

        assertThat(row("req-utility-helicopter-units").get("quantityCovered").asInt()).isEqualTo(1);
        assertThat(row("req-utility-helicopters").get("quantityCovered").asInt()).isEqualTo(12);
        assertThat(row("req-quick-reaction-companies").get("quantityCovered").asInt()).isEqualTo(1);

        UpstreamEvents.delegation(delegations, "seoul-2021", "NLD");
        JsonNode joint = null;
        for (JsonNode pledge : get("/api/conferences/seoul-2021/pledges", TokenRequest.focalPoint("seoul-2021-NLD"))) {
            joint = pledge;
        }
        assertThat(joint).as("the Netherlands sees the pledge it funds").isNotNull();
        assertThat(joint.get("memberState").asString()).isEqualTo("GHA");
        HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(uri("/api/pledges/" + joint.get("id").asString()
                        + "/parties/NLD/confirmation"))
                .header("Authorization", "Bearer " + infra.token(TokenRequest.focalPoint("seoul-2021-NLD")))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(json.readTree(confirmed.body()).get("allPartiesConfirmed").asBoolean()).isTrue();

        assertThat(row("req-utility-helicopter-units").get("quantityCovered").asInt()).isEqualTo(2);
        assertThat(row("req-utility-helicopters").get("quantityCovered").asInt()).isEqualTo(16);
    }

    private JsonNode row(String requirementId) throws Exception {
        for (JsonNode row : get("/api/capability-gap", TokenRequest.organizer())) {
            if (requirementId.equals(row.get("requirementId").asString())) {
                return row;
            }
        }
        throw new AssertionError("no requirement " + requirementId);
    }

    private JsonNode get(String path, TokenRequest token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + infra.token(token)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
