package org.conferenceops.session.seats;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.session.SessionApi;
import org.conferenceops.session.accreditation.AccreditedDelegateRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The organisers' seat gauges follow bookings per conference and way of attending, under the dashboard's names. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "conference-ops.seats.reconcile-grace=0s")
class SeatGaugesIT {

    @LocalServerPort
    int port;

    @Autowired
    AccreditedDelegateRepository accredited;

    @Autowired
    SeatGauges gauges;

    @Autowired
    MeterRegistry meters;

    @Test
    void capacityConfirmedSeatsAndTheWaitlistAreCountedPerConference() throws Exception {
        String conference = "seoul-2021-" + UUID.randomUUID();
        String delegation = conference + "-KOR";
        try (SessionApi api = new SessionApi(port)) {
            String session = api.sessionWithSeats(conference, 2, "2031-12-07T01:00:00Z", "2031-12-07T03:00:00Z");
            List<String> delegates = api.accredit(conference, delegation, 3, accredited::existsById);
            for (String delegate : delegates) {
                SessionApi.expect(201, api.send("POST", "/api/sessions/" + session + "/bookings",
                        TokenRequest.delegate(delegation, delegate), "{}"));
            }
            gauges.refresh();

            assertThat(value(SeatGauges.CAPACITY, conference, "IN_PERSON")).isEqualTo(2.0);
            assertThat(value(SeatGauges.CAPACITY, conference, "VIRTUAL")).isEqualTo(100.0);
            assertThat(value(SeatGauges.TAKEN, conference, "IN_PERSON")).isEqualTo(2.0);
            assertThat(value(SeatGauges.WAITLIST, conference, "IN_PERSON")).isEqualTo(1.0);

            SessionApi.expect(200, api.send("DELETE", "/api/sessions/" + session + "/bookings/" + delegates.getFirst(),
                    TokenRequest.organizer(), null));
            gauges.refresh();

            assertThat(value(SeatGauges.TAKEN, conference, "IN_PERSON")).as("the first waiting was promoted")
                    .isEqualTo(2.0);
            assertThat(value(SeatGauges.WAITLIST, conference, "IN_PERSON")).isZero();
            String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.uri("/actuator/prometheus"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            String tag = "conference=\"" + conference + "\"";
            assertThat(scrape.lines().filter(l -> l.contains(tag)).map(l -> l.substring(0, l.indexOf('{'))).distinct())
                    .contains("session_seats_capacity", "session_seats_taken", "session_waitlist_size");
        }
    }

    private double value(String name, String conference, String attendance) {
        return meters.get(name).tag("conference", conference).tag("attendance", attendance).gauge().value();
    }
}
