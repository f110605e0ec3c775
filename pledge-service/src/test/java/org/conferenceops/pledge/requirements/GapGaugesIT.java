package org.conferenceops.pledge.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** The organisers' capability-gap gauge moves when a requirement is published and is exported with its unit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GapGaugesIT {

    @LocalServerPort
    int port;

    @Autowired
    GapGauges gauges;

    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestInfrastructure infra = TestInfrastructure.get();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void publishingARequirementAddsItsGapToItsCategory() throws Exception {
        gauges.refresh();
        double before = gap();
        HttpResponse<String> defined = http.send(HttpRequest.newBuilder(uri("/api/capability-requirements"))
                .header("Authorization", "Bearer " + infra.token(TokenRequest.organizer()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"id":"req-%s","title":"Mine action personnel","category":"ENGINEERING_COMPANY",
                         "measure":"PERSONNEL","quantityNeeded":500000,"countingStatus":"LEVEL_2","source":"test"}"""
                        .formatted(UUID.randomUUID()))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
        int gap = json.readTree(defined.body()).get("gap").asInt();

        gauges.refresh();

        assertThat(gap).isPositive();
        assertThat(gap()).isEqualTo(before + gap);
        String scrape = http.send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(scrape.lines()).anySatisfy(line -> assertThat(line).startsWith("pledge_capability_gap_units{")
                .contains("capability=\"ENGINEERING_COMPANY\"").contains("measure=\"PERSONNEL\""));
    }

    private double gap() {
        var gauge = meters.find(GapGauges.NAME).tag("capability", "ENGINEERING_COMPANY").tag("measure", "PERSONNEL")
                .gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
