package org.conferenceops.session.seats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.conferenceops.session.SessionApi.expect;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.conferenceops.events.session.Attendance;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.platform.outbox.AggregateDocument;
import org.conferenceops.platform.outbox.EventOutbox;
import org.conferenceops.session.SessionApi;
import org.conferenceops.session.accreditation.AccreditedDelegateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

/**
 * MongoDB goes away between a booking's seat claim and its booking write: the request is a 503 and its claim is
 * not lost — the client's retry uses it (no second seat taken), and a claim nobody comes back for is given back to
 * the waitlist after {@code unsettled-grace}, not after the reconciler's two sightings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "conference-ops.seats.unsettled-grace=1s", "conference-ops.seats.unsettled-check=200ms" })
class SeatOutageIT {

    private static final String START = "2031-12-08T01:00:00Z";
    private static final String END = "2031-12-08T03:00:00Z";

    @LocalServerPort
    int port;

    @MockitoSpyBean
    EventOutbox outbox;

    @Autowired
    AccreditedDelegateRepository accredited;

    @Autowired
    SeatCounters counters;

    private SessionApi api;
    private final String conference = "accra-2023-" + UUID.randomUUID();
    private final String delegation = conference + "-GHA";

    @BeforeEach
    void client() {
        api = new SessionApi(port);
    }

    @AfterEach
    void close() {
        reset(outbox);
        api.close();
    }

    @Test
    void theRetryOfABookingWhoseWriteFailedAfterItsClaimTakesThatSeatNotASecondOne() {
        String session = api.sessionWithSeats(conference, 3, START, END);
        String key = SeatCounters.key(session, Attendance.IN_PERSON);
        String delegate = api.accredit(conference, delegation, 1, accredited::existsById).getFirst();
        storageFailsForBookingsOf(delegate);

        HttpResponse<String> refused = book(session, delegate);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(counters.find(key)).hasValueSatisfying(c -> assertThat(c.free()).as("claimed").isEqualTo(2));

        reset(outbox);
        JsonNode retried = api.json(expect(201, book(session, delegate)));

        assertThat(retried.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(counters.find(key)).hasValueSatisfying(c -> {
            assertThat(c.free()).as("the retry used the claim: one seat taken in all").isEqualTo(2);
            assertThat(c.arrivals()).isEqualTo(1);
        });
    }

    @Test
    void aClaimWhoseClientNeverRetriesGoesBackToTheWaitlistAfterTheGrace() {
        String session = api.sessionWithSeats(conference, 1, START, END);
        String key = SeatCounters.key(session, Attendance.IN_PERSON);
        List<String> delegates = api.accredit(conference, delegation, 2, accredited::existsById);
        storageFailsForBookingsOf(delegates.get(0));
        assertThat(book(session, delegates.get(0)).statusCode()).isEqualTo(503);
        reset(outbox);

        JsonNode waiting = api.json(expect(201, book(session, delegates.get(1))));
        assertThat(waiting.get("status").asString()).as("the only seat is held by the failed request")
                .isEqualTo("WAITLISTED");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.json(expect(200,
                api.send("GET", "/api/sessions/" + session + "/bookings/" + delegates.get(1),
                        TokenRequest.organizer(), null))).get("status").asString()).isEqualTo("CONFIRMED"));
        assertThat(counters.find(key)).hasValueSatisfying(c -> {
            assertThat(c.free()).isZero();
            assertThat(c.waiting()).isZero();
        });
    }

    /** The booking writes of this delegate fail as they do while MongoDB is unreachable. */
    private void storageFailsForBookingsOf(String delegateId) {
        doThrow(new DataAccessResourceFailureException("MongoDB unreachable (injected)")).when(outbox)
                .save(argThat((AggregateDocument aggregate) -> aggregate instanceof Booking booking
                        && booking.delegateId().equals(delegateId)), any());
    }

    private HttpResponse<String> book(String session, String delegate) {
        return api.send("POST", "/api/sessions/" + session + "/bookings", TokenRequest.delegate(delegation, delegate),
                "{}");
    }
}
