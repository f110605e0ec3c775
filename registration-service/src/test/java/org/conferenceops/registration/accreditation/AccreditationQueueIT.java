package org.conferenceops.registration.accreditation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.registration.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The accreditation queue puts VIPs first, and the organisers' metrics follow registrations, decisions and doors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = Api.LOCAL_DEFAULTS)
class AccreditationQueueIT {

    @LocalServerPort
    int port;

    @Autowired
    AccreditationGauges gauges;

    @Autowired
    MeterRegistry meters;

    private Api api() {
        return new Api(port);
    }

    @Test
    void headsOfStateAndMinistersComeFirstInTheQueueThenTheOldest() throws Exception {
        String conference = api().newConference(null);
        String delegation = api().newDelegation(conference, "KEN");
        String adviser = api().newDelegate(conference, delegation, "\"role\":\"ADVISER\"");
        String minister = api().newDelegate(conference, delegation, "\"vipRank\":\"MINISTER\",\"role\":\"ALTERNATE\"");
        String secondAdviser = api().newDelegate(conference, delegation, "\"role\":\"ADVISER\"");
        String president = api().newDelegate(conference, delegation,
                "\"vipRank\":\"HEAD_OF_STATE_OR_GOVERNMENT\",\"role\":\"HEAD\"");

        JsonNode queue = Api.json(api().get("/api/conferences/" + conference + "/accreditation/queue",
                TokenRequest.organizer()));

        assertThat(queue.get("delegates").get("content").valueStream().map(d -> d.get("id").asString()).toList())
                .containsExactly(president, minister, adviser, secondAdviser);
        assertThat(queue.get("vipsPending").asLong()).isEqualTo(2);
    }

    @Test
    void registrationsPendingDecisionsAndCheckInsMoveTheOrganisersMetrics() throws Exception {
        String conference = api().newConference(null);
        String delegation = api().newDelegation(conference, "PER");
        String first = api().newDelegate(conference, delegation, null);
        api().newDelegate(conference, delegation, null);
        gauges.refresh();

        assertThat(meters.get("registration.delegates.registered").tag("conference", conference).counter().count())
                .isEqualTo(2.0);
        assertThat(gauge(AccreditationGauges.PENDING, conference).value()).isEqualTo(2.0);

        api().post("/api/delegates/" + first + "/accreditation", TokenRequest.organizer(), "{}");
        String qr = Api.json(api().post("/api/delegates/" + first + "/badge", TokenRequest.organizer(), "{}"))
                .get("qrPayload").asString();
        String scan = "{\"qr\":\"" + qr + "\",\"entrance\":\"north-gate\"}";
        api().post("/api/conferences/" + conference + "/checkins", TokenRequest.ops(), scan);
        api().post("/api/conferences/" + conference + "/checkins", TokenRequest.ops(), scan);
        gauges.refresh();

        assertThat(gauge(AccreditationGauges.PENDING, conference).value()).isEqualTo(1.0);
        assertThat(meters.get(AccreditationGauges.QUEUE).tag("conference", conference).tag("status", "ACCREDITED")
                .gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("registration.checkins").tag("conference", conference).tag("entrance", "north-gate")
                .counter().count()).as("a second scan of the same badge is not a second entry").isEqualTo(1.0);
        String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String tag = "conference=\"" + conference + "\"";
        assertThat(scrape.lines().filter(l -> l.contains(tag)).map(l -> l.substring(0, l.indexOf('{'))).distinct())
                .contains("registration_delegates_registered_total", "registration_accreditation_pending",
                        "registration_checkins_total", "registration_accreditation_queue");
    }

    private Gauge gauge(String name, String conference) {
        return meters.get(name).tag("conference", conference).gauge();
    }
}
