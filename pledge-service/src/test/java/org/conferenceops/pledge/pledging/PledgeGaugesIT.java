package org.conferenceops.pledge.pledging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.pledge.UpstreamEvents;
import org.conferenceops.pledge.delegations.Delegations;
import org.conferenceops.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** The organisers' gauge of pledges by status follows commands and is exported under the dashboard's name. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PledgeGaugesIT {

    @LocalServerPort
    int port;

    @Autowired
    PledgeGauges gauges;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Delegations delegations;

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestInfrastructure infra = TestInfrastructure.get();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void pledgesAreCountedByConferenceStatusAndCategoryAndAnEmptiedStatusReadsZero() throws Exception {
        String conference = "it-" + UUID.randomUUID().toString().substring(0, 8);
        UpstreamEvents.delegation(delegations, conference, "BGD");
        String id = json.readTree(post("/api/conferences/" + conference + "/pledges",
                TokenRequest.focalPoint(conference + "-BGD"), """
                {"offer":{"category":"ENGINEERING_COMPANY","units":1,"personnel":150,"womenPersonnel":10,
                 "equipment":[],"a4pAreas":["PARTNERSHIPS"],"description":"Engineers","descriptionLanguage":"en"}}""")
                .body()).get("id").asString();
        gauges.refresh();
        assertThat(count(conference, "SUBMITTED")).isEqualTo(1.0);

        post("/api/pledges/" + id + "/acknowledgement", TokenRequest.organizer(), "");
        gauges.refresh();

        assertThat(count(conference, "SUBMITTED")).isZero();
        assertThat(count(conference, "ACKNOWLEDGED")).isEqualTo(1.0);
        String scrape = http.send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(scrape.lines()).anySatisfy(line -> assertThat(line).startsWith("pledge_pledges{")
                .contains("conference=\"" + conference + "\"").contains("status=\"ACKNOWLEDGED\"")
                .contains("category=\"ENGINEERING_COMPANY\"").endsWith(" 1.0"));
    }

    private double count(String conference, String status) {
        return meters.get(PledgeGauges.NAME).tag("conference", conference).tag("status", status)
                .tag("category", "ENGINEERING_COMPANY").gauge().value();
    }

    private HttpResponse<String> post(String path, TokenRequest token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + infra.token(token))
                .header("Content-Type", "application/json")
                .POST(body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
