package org.conferenceops.session.seats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.conferenceops.session.SessionApi.expect;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.conferenceops.events.registration.AccreditationCategory;
import org.conferenceops.events.registration.DelegateAccredited;
import org.conferenceops.events.registration.RegistrationWithdrawn;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.session.SessionApi;
import org.conferenceops.session.accreditation.AccreditedDelegateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Booking seats over HTTP: exact capacity under a rush, the waitlist in arrival order, promotion on release. */
// one grace-free context for every IT but the demo one: the reconciler repairs on its second look
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "conference-ops.seats.reconcile-grace=0s")
class SeatBookingIT {

    // bookings close when a session has ended, so these sessions lie in the future
    private static final String START = "2031-12-07T01:00:00Z";
    private static final String END = "2031-12-07T03:00:00Z";

    @LocalServerPort
    int port;

    @Autowired
    AccreditedDelegateRepository accredited;

    @Autowired
    SeatCounters counters;

    private SessionApi api;
    private final String conference = "seoul-2021-" + UUID.randomUUID();
    private final String delegation = conference + "-KOR";

    @BeforeEach
    void client() {
        api = new SessionApi(port);
    }

    @AfterEach
    void close() {
        api.close();
    }

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Test
    void anArrivalThatFoundNoCounterTakesASeatOfTheOneAnotherArrivalCreatedMeanwhile() {
        // the first bookings of a session race to create its seat counter: this arrival finds none, and another
        // creates it (all seats free) before this one goes on — it must take a seat, not join the waitlist
        String key = SeatCounters.key("race-" + UUID.randomUUID(), org.conferenceops.events.session.Attendance.IN_PERSON);
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        SeatCounters racing = new SeatCounters(mongo) {
            @Override
            java.util.Optional<SeatCounter> claimSeat(String counter) {
                java.util.Optional<SeatCounter> claimed = super.claimSeat(counter);
                if (claimed.isEmpty() && first.getAndSet(false)) {
                    counters.ensure(counter, 3);
                }
                return claimed;
            }
        };

        SeatCounters.Arrival arrival = racing.arrive(key, 3);

        assertThat(arrival.seat()).as("seated").isTrue();
        assertThat(counters.find(key)).hasValueSatisfying(c -> {
            assertThat(c.free()).isEqualTo(2);
            assertThat(c.waiting()).isZero();
        });
        // and a full session's next arrival waits
        counters.arrive(key, 3);
        counters.arrive(key, 3);
        assertThat(counters.arrive(key, 3).seat()).isFalse();
    }

    @Test
    void twoThousandSimultaneousBookingsOfFiveHundredSeatsConfirmExactlyFiveHundredAndWaitlistTheRestInArrivalOrder()
            throws Exception {
        String session = api.sessionWithSeats(conference, 500, START, END);
        List<String> delegates = accredit(2000);
        List<String> tokens = delegates.stream().map(d -> api.token(TokenRequest.delegate(delegation, d))).toList();

        long started = System.nanoTime();
        List<HttpResponse<String>> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(64)) {
            ThreadLocal<HttpClient> clients = ThreadLocal.withInitial(HttpClient::newHttpClient);
            List<Future<HttpResponse<String>>> futures = IntStream.range(0, delegates.size())
                    .mapToObj(i -> pool.submit(() -> api.send(clients.get(), "POST",
                            "/api/sessions/" + session + "/bookings", tokens.get(i), "{}")))
                    .toList();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get());
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
        assertThat(responses.stream().map(api::json).filter(j -> j.get("status").asString().equals("CONFIRMED")))
                .hasSize(500);
        assertThat(responses.stream().map(api::json).filter(j -> j.get("status").asString().equals("WAITLISTED")))
                .hasSize(1500).extracting(j -> j.get("waitlistPosition").asInt())
                // each told the place it took, none the same: 1 to 1,500
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 1500).boxed().toList());
        assertThat(took).as("2,000 bookings through HTTP").isLessThan(Duration.ofSeconds(60));

        List<JsonNode> all = bookings(session);
        List<JsonNode> confirmed = all.stream().filter(b -> b.get("status").asString().equals("CONFIRMED")).toList();
        List<JsonNode> waitlisted = all.stream().filter(b -> b.get("status").asString().equals("WAITLISTED")).toList();
        assertThat(confirmed).hasSize(500);
        assertThat(waitlisted).hasSize(1500);
        assertThat(all.stream().map(b -> b.get("arrival").asLong())).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 2000).mapToObj(i -> (long) i).toList());
        long lastConfirmedArrival = confirmed.stream().mapToLong(b -> b.get("arrival").asLong()).max().orElseThrow();
        assertThat(waitlisted).allSatisfy(b -> assertThat(b.get("arrival").asLong()).isGreaterThan(lastConfirmedArrival));
        assertThat(waitlisted.stream().map(b -> b.get("waitlistPosition").asInt())).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 1500).boxed().toList());
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO,
                "2000 bookings of 500 seats with 64 clients took {0} ms", took.toMillis());

        // a cancelled seat goes to the first on the waitlist
        String firstConfirmed = confirmed.getFirst().get("delegateId").asString();
        String firstWaiting = waitlisted.getFirst().get("delegateId").asString();
        HttpResponse<String> cancelled = api.send(HttpClient.newHttpClient(), "DELETE",
                "/api/sessions/" + session + "/bookings/" + firstConfirmed, tokens.get(delegates.indexOf(firstConfirmed)),
                null);
        assertThat(api.json(expect(200, cancelled)).get("status").asString()).isEqualTo("RELEASED");
        assertThat(api.json(booking(session, firstWaiting)).get("status").asString()).isEqualTo("CONFIRMED");

        // a withdrawn registration releases the seat too, and the next one waiting gets it
        String withdrawn = confirmed.get(1).get("delegateId").asString();
        String secondWaiting = waitlisted.get(1).get("delegateId").asString();
        api.publish(new RegistrationWithdrawn(withdrawn, conference, delegation, "substituted", null, Instant.now()), 5);
        api.flush();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api.json(booking(session, withdrawn)).get("status").asString()).isEqualTo("RELEASED");
            assertThat(api.json(booking(session, secondWaiting)).get("status").asString()).isEqualTo("CONFIRMED");
        });
        assertThat(bookings(session).stream().filter(b -> b.get("status").asString().equals("CONFIRMED"))).hasSize(500);
        HttpResponse<String> afterWithdrawal = api.send(HttpClient.newHttpClient(), "POST",
                "/api/sessions/" + session + "/bookings", tokens.get(delegates.indexOf(withdrawn)), "{}");
        assertThat(afterWithdrawal.statusCode()).isEqualTo(422);
        assertThat(afterWithdrawal.body()).contains("not-accredited");
    }

    @Test
    void bookingTwiceReturnsTheSameBookingAndAFullSessionWaitlistsWithAPosition() {
        String session = api.sessionWithSeats(conference, 1, START, END);
        List<String> delegates = accredit(2);

        HttpResponse<String> first = book(session, delegates.get(0));
        HttpResponse<String> again = book(session, delegates.get(0));
        HttpResponse<String> second = book(session, delegates.get(1));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(api.json(again).get("bookingId").asString()).isEqualTo(api.json(first).get("bookingId").asString());
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(api.json(second).get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(api.json(second).get("waitlistPosition").asInt()).isEqualTo(1);
    }

    @Test
    void aDelegateWhoIsNotAccreditedIsRefusedAndNobodyBooksForSomeoneElse() {
        String session = api.sessionWithSeats(conference, 10, START, END);
        String stranger = "dlg-" + UUID.randomUUID();
        List<String> delegates = accredit(1);

        HttpResponse<String> notAccredited = book(session, stranger);
        HttpResponse<String> forSomeoneElse = api.send("POST", "/api/sessions/" + session + "/bookings",
                TokenRequest.delegate(delegation, stranger), "{\"delegateId\":\"" + delegates.getFirst() + "\"}");
        HttpResponse<String> otherFocalPoint = api.send("POST", "/api/sessions/" + session + "/bookings",
                TokenRequest.focalPoint(conference + "-FRA"), "{\"delegateId\":\"" + delegates.getFirst() + "\"}");
        HttpResponse<String> ownFocalPoint = api.send("POST", "/api/sessions/" + session + "/bookings",
                TokenRequest.focalPoint(delegation), "{\"delegateId\":\"" + delegates.getFirst() + "\"}");

        assertThat(notAccredited.statusCode()).isEqualTo(422);
        assertThat(notAccredited.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).contains("application/problem+json"));
        assertThat(forSomeoneElse.statusCode()).isEqualTo(404);
        assertThat(otherFocalPoint.statusCode()).isEqualTo(404);
        assertThat(ownFocalPoint.statusCode()).isEqualTo(201);
    }

    @Test
    void aCancelledSessionTakesNoBookingsAndReducingCapacityWaitlistsTheLatestConfirmedFirst() {
        String session = api.sessionWithSeats(conference, 3, START, END);
        List<String> delegates = accredit(3);
        delegates.forEach(d -> expect(201, book(session, d)));

        expect(200, api.send("POST", "/api/sessions/" + session + "/capacity", TokenRequest.organizer(),
                "{\"attendance\":\"IN_PERSON\",\"capacity\":2}"));

        assertThat(api.json(booking(session, delegates.get(2))).get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(api.json(booking(session, delegates.get(2))).get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(api.json(booking(session, delegates.get(0))).get("status").asString()).isEqualTo("CONFIRMED");

        expect(200, api.send("POST", "/api/sessions/" + session + "/capacity", TokenRequest.organizer(),
                "{\"attendance\":\"IN_PERSON\",\"capacity\":3}"));
        assertThat(api.json(booking(session, delegates.get(2))).get("status").asString()).isEqualTo("CONFIRMED");

        expect(200, api.send("POST", "/api/sessions/" + session + "/cancel", TokenRequest.organizer(),
                "{\"reason\":\"merged into the plenary\"}"));
        List<String> more = accredit(1);
        HttpResponse<String> refused = book(session, more.getFirst());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("CANCELLED");
    }

    @Test
    void theReconcilerRestoresASeatLostBetweenCounterAndBookingAndPromotesTheFirstWaiting() {
        String session = api.sessionWithSeats(conference, 2, START, END);
        List<String> delegates = accredit(3);
        String key = SeatCounters.key(session, org.conferenceops.events.session.Attendance.IN_PERSON);
        counters.ensure(key, 2);
        // a crash after the claim and before the booking insert: a seat taken by nobody
        assertThat(counters.claimSeat(key)).isPresent();
        delegates.forEach(d -> expect(201, book(session, d)));
        assertThat(api.json(booking(session, delegates.get(1))).get("status").asString()).isEqualTo("WAITLISTED");

        JsonNode first = reconcile(session);
        assertThat(first.get("outcome").asString()).isEqualTo("SUSPECTED");
        assertThat(first.get("confirmed").asInt()).isEqualTo(1);
        assertThat(first.get("freeBefore").asInt()).isZero();
        assertThat(api.json(booking(session, delegates.get(1))).get("status").asString()).isEqualTo("WAITLISTED");

        JsonNode second = reconcile(session);
        assertThat(second.get("outcome").asString()).isEqualTo("REPAIRED");
        assertThat(second.get("promoted").asInt()).isEqualTo(1);
        assertThat(second.get("freeAfter").asInt()).isZero();
        assertThat(api.json(booking(session, delegates.get(1))).get("status").asString()).isEqualTo("CONFIRMED");
        JsonNode last = api.json(booking(session, delegates.get(2)));
        assertThat(last.get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(last.get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(counters.find(key)).hasValueSatisfying(c -> {
            assertThat(c.free()).isZero();
            assertThat(c.waiting()).isEqualTo(1);
        });

        JsonNode again = reconcile(session);
        assertThat(again.get("outcome").asString()).isEqualTo("CONSISTENT");
        assertThat(again.get("promoted").asInt()).isZero();
        assertThat(bookings(session).stream().filter(b -> b.get("status").asString().equals("CONFIRMED"))).hasSize(2);
        assertThat(api.send("POST", "/api/sessions/" + session + "/seat-counters/reconciliation",
                TokenRequest.delegate(delegation, delegates.getFirst()), null).statusCode()).isEqualTo(403);
    }

    private JsonNode reconcile(String session) {
        JsonNode reports = api.json(expect(200, api.send("POST", "/api/sessions/" + session
                + "/seat-counters/reconciliation", TokenRequest.organizer(), null)));
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).get("attendance").asString()).isEqualTo("IN_PERSON");
        return reports.get(0);
    }

    private HttpResponse<String> book(String session, String delegate) {
        return api.send("POST", "/api/sessions/" + session + "/bookings", TokenRequest.delegate(delegation, delegate),
                "{}");
    }

    private HttpResponse<String> booking(String session, String delegate) {
        return expect(200, api.send("GET", "/api/sessions/" + session + "/bookings/" + delegate,
                TokenRequest.organizer(), null));
    }

    private List<JsonNode> bookings(String session) {
        JsonNode list = api.json(expect(200, api.send("GET", "/api/sessions/" + session + "/bookings",
                TokenRequest.organizer(), null)));
        return StreamSupport.stream(list.spliterator(), false).toList();
    }

    private List<String> accredit(int count) {
        List<String> delegates = IntStream.range(0, count).mapToObj(i -> "dlg-" + UUID.randomUUID()).toList();
        Instant now = Instant.now();
        delegates.forEach(d -> api.publish(new DelegateAccredited(d, conference, delegation,
                AccreditationCategory.MEMBER_STATE_DELEGATE, false, now), 3));
        api.flush();
        await().atMost(Duration.ofSeconds(60)).until(() -> delegates.stream().allMatch(accredited::existsById));
        return delegates;
    }
}
