package org.conferenceops.session.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.conferenceops.session.SessionApi.expect;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.bson.Document;
import org.conferenceops.events.registration.DelegateErased;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Calendar subscriptions as a calendar client uses them: a secret URL read without a bearer token, rotated and
 * revoked; released bookings and cancelled sessions kept in the feed as CANCELLED with a higher SEQUENCE.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "conference-ops.seats.reconcile-grace=0s")
class CalendarSubscriptionIT {

    private static final String SUBSCRIPTION = "/api/me/calendar-subscription";

    @LocalServerPort
    int port;

    @Autowired
    AccreditedDelegateRepository accredited;

    @Autowired
    MongoTemplate mongo;

    private SessionApi api;
    private final HttpClient calendarClient = HttpClient.newHttpClient();
    private final String conference = "seoul-2032-" + UUID.randomUUID();
    private final String delegation = conference + "-KOR";

    @BeforeEach
    void client() {
        api = new SessionApi(port);
    }

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void aDelegatesSecretUrlServesTheirFeedWithoutABearerTokenAndOnlyItsHashIsStored() {
        String mine = api.sessionWithSeats(conference, 10, "2032-12-07T01:00:00Z", "2032-12-07T03:00:00Z");
        String theirs = api.sessionWithSeats(conference, 10, "2032-12-07T05:00:00Z", "2032-12-07T06:00:00Z");
        List<String> delegates = api.accredit(conference, delegation, 2, accredited::existsById);
        String me = delegates.get(0);
        expect(201, book(mine, me));
        expect(201, book(theirs, delegates.get(1)));

        HttpResponse<String> issued = expect(201, api.send("POST", SUBSCRIPTION, delegate(me), null));
        JsonNode subscription = api.json(issued);
        URI feed = URI.create(subscription.get("feedUrl").asString());
        String token = token(feed);
        HttpResponse<String> read = anonymous(feed);

        assertThat(issued.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(feed.toString()).startsWith("http://127.0.0.1:" + port + "/api/calendar/").endsWith(".ics");
        assertThat(subscription.get("webcalUrl").asString()).isEqualTo(feed.toString().replace("http:", "webcal:"));
        assertThat(token).hasSize(43);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t.toLowerCase())
                .startsWith("text/calendar"));
        assertThat(events(read).keySet()).containsExactly(mine + "@conference-ops");

        Document stored = mongo.getCollection("calendar_subscriptions").find(new Document("_id", me)).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("tokenHash")).isEqualTo(sha256(token));
        assertThat(stored.toJson()).doesNotContain(token);
        JsonNode status = api.json(expect(200, api.send("GET", SUBSCRIPTION, delegate(me), null)));
        assertThat(status.get("feedUrl").isNull()).isTrue();
        assertThat(status.get("issuedAt").asString()).isNotBlank();

        String guessed = token.substring(0, 42) + (token.endsWith("A") ? "B" : "A");
        assertThat(anonymous(feed.resolve(guessed + ".ics")).statusCode()).isEqualTo(404);
        assertThat(anonymous(feed.resolve("short.ics")).statusCode()).isEqualTo(404);
        assertThat(anonymous(feed.resolve(guessed + ".ics")).body()).doesNotContain(guessed).contains("not-found");
        assertThat(anonymous(api.uri("/api/delegates/" + me + "/agenda.ics")).statusCode()).isEqualTo(401);
        assertThat(anonymous(api.uri("/api/delegates/" + me + "/agenda")).statusCode()).isEqualTo(401);
        assertThat(anonymous(api.uri(SUBSCRIPTION)).statusCode()).isEqualTo(401);
        assertThat(anonymous(api.uri("/api/calendar/" + token)).statusCode()).isEqualTo(401);
    }

    @Test
    void askingAgainRotatesTheTokenSoTheOldUrlStopsWorkingAndRevokingStopsTheNewOne() {
        String session = api.sessionWithSeats(conference, 10, "2032-12-07T01:00:00Z", "2032-12-07T03:00:00Z");
        String me = api.accredit(conference, delegation, 1, accredited::existsById).getFirst();
        expect(201, book(session, me));

        URI first = URI.create(api.json(expect(201, api.send("POST", SUBSCRIPTION, delegate(me), null)))
                .get("feedUrl").asString());
        JsonNode rotated = api.json(expect(201, api.send("POST", SUBSCRIPTION, delegate(me), null)));
        URI second = URI.create(rotated.get("feedUrl").asString());

        assertThat(second).isNotEqualTo(first);
        assertThat(rotated.get("rotations").asInt()).isEqualTo(1);
        assertThat(anonymous(first).statusCode()).isEqualTo(404);
        assertThat(anonymous(second).statusCode()).isEqualTo(200);

        assertThat(api.send("DELETE", SUBSCRIPTION, delegate(me), null).statusCode()).isEqualTo(204);

        assertThat(anonymous(second).statusCode()).isEqualTo(404);
        assertThat(api.send("GET", SUBSCRIPTION, delegate(me), null).statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", SUBSCRIPTION, delegate(me), null).statusCode()).isEqualTo(404);
    }

    @Test
    void withdrawalAndErasureRevokeTheFeedAndNoNewOneIsIssued() {
        List<String> delegates = api.accredit(conference, delegation, 2, accredited::existsById);
        String withdrawn = delegates.get(0);
        String erased = delegates.get(1);
        URI withdrawnFeed = URI.create(api.json(expect(201, api.send("POST", SUBSCRIPTION, delegate(withdrawn),
                null))).get("feedUrl").asString());
        URI erasedFeed = URI.create(api.json(expect(201, api.send("POST", SUBSCRIPTION, delegate(erased), null)))
                .get("feedUrl").asString());
        assertThat(anonymous(withdrawnFeed).statusCode()).isEqualTo(200);

        api.publish(new RegistrationWithdrawn(withdrawn, conference, delegation, "replaced", null, Instant.now()), 5);
        api.publish(new DelegateErased(erased, conference, delegation, Instant.now()), 6);
        api.flush();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(anonymous(withdrawnFeed).statusCode()).isEqualTo(404);
            assertThat(anonymous(erasedFeed).statusCode()).isEqualTo(404);
            assertThat(mongo.getCollection("calendar_subscriptions")
                    .countDocuments(new Document("_id", new Document("$in", List.of(withdrawn, erased))))).isZero();
        });
        HttpResponse<String> again = api.send("POST", SUBSCRIPTION, delegate(withdrawn), null);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("not-accredited");
    }

    @Test
    void onlyAnAccreditedDelegateGetsASubscription() {
        assertThat(api.send("POST", SUBSCRIPTION, TokenRequest.organizer(), null).statusCode()).isEqualTo(403);
        assertThat(api.send("POST", SUBSCRIPTION, TokenRequest.focalPoint(delegation), null).statusCode())
                .isEqualTo(403);
        HttpResponse<String> unknown = api.send("POST", SUBSCRIPTION, delegate("dlg-" + UUID.randomUUID()), null);
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("not-accredited");
    }

    @Test
    void aReleasedBookingAndACancelledSessionStayInTheFeedAsCancelledWithAHigherSequence() throws Exception {
        String plenary = api.sessionWithSeats(conference, 10, "2032-12-07T01:00:00Z", "2032-12-07T03:00:00Z");
        String sideEvent = api.sessionWithSeats(conference, 10, "2032-12-07T05:00:00Z", "2032-12-07T06:00:00Z");
        String me = api.accredit(conference, delegation, 1, accredited::existsById).getFirst();
        expect(201, book(plenary, me));
        expect(201, book(sideEvent, me));
        URI feed = URI.create(api.json(expect(201, api.send("POST", SUBSCRIPTION, delegate(me), null)))
                .get("feedUrl").asString());
        assertThat(statusAndSequence(feed, plenary)).isEqualTo("CONFIRMED 1");

        expect(200, api.send("DELETE", "/api/sessions/" + plenary + "/bookings/" + me, delegate(me), null));
        expect(200, api.send("POST", "/api/sessions/" + sideEvent + "/cancel", TokenRequest.organizer(),
                "{\"reason\":\"merged into the plenary\"}"));

        assertThat(statusAndSequence(feed, plenary)).isEqualTo("CANCELLED 2");
        assertThat(statusAndSequence(feed, sideEvent)).isEqualTo("CANCELLED 2");
        HttpResponse<String> withToken = expect(200, api.send("GET", "/api/delegates/" + me + "/agenda.ics",
                delegate(me), null));
        assertThat(events(withToken).get(plenary + "@conference-ops").getProperty(Property.STATUS).orElseThrow()
                .getValue()).isEqualTo("CANCELLED");
        JsonNode agenda = api.json(expect(200, api.send("GET", "/api/delegates/" + me + "/agenda", delegate(me),
                null)));
        assertThat(StreamSupport.stream(agenda.get("sessions").spliterator(), false)
                .map(s -> s.get("sessionId").asString())).containsExactly(sideEvent);

        expect(201, book(plenary, me));

        assertThat(statusAndSequence(feed, plenary)).isEqualTo("CONFIRMED 3");
    }

    @Test
    void aPromotionRaisesTheSequenceOfTheWaitingDelegateAndTheOneWhoLeftSeesTheirEntryCancelled() throws Exception {
        String session = api.sessionWithSeats(conference, 1, "2032-12-07T01:00:00Z", "2032-12-07T03:00:00Z");
        List<String> delegates = api.accredit(conference, delegation, 2, accredited::existsById);
        String leaving = delegates.get(0);
        String waiting = delegates.get(1);
        expect(201, book(session, leaving));
        expect(201, book(session, waiting));
        URI leavingFeed = URI.create(api.json(expect(201, api.send("POST", SUBSCRIPTION, delegate(leaving), null)))
                .get("feedUrl").asString());
        URI waitingFeed = URI.create(api.json(expect(201, api.send("POST", SUBSCRIPTION, delegate(waiting), null)))
                .get("feedUrl").asString());
        assertThat(statusAndSequence(waitingFeed, session)).isEqualTo("TENTATIVE 1");

        expect(200, api.send("DELETE", "/api/sessions/" + session + "/bookings/" + leaving, delegate(leaving), null));

        assertThat(statusAndSequence(waitingFeed, session)).isEqualTo("CONFIRMED 2");
        assertThat(statusAndSequence(leavingFeed, session)).isEqualTo("CANCELLED 2");
    }

    @Test
    void theProgrammeFeedIsPublicAndCarriesNoVirtualLinks() throws Exception {
        String session = api.sessionWithSeats(conference, 10, "2032-12-07T01:00:00Z", "2032-12-07T03:00:00Z");

        HttpResponse<String> programme = anonymous(api.uri("/api/conferences/" + conference + "/programme.ics"));

        assertThat(programme.statusCode()).isEqualTo(200);
        VEvent event = events(programme).get(session + "@conference-ops");
        assertThat(event.getProperty(Property.URL)).isEmpty();
        assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue()).startsWith("Hall ");
        assertThat(programme.body()).doesNotContain("meet.example.org");
        assertThat(anonymous(api.uri("/api/conferences/nowhere-" + UUID.randomUUID() + "/programme.ics"))
                .statusCode()).isEqualTo(404);
        assertThat(anonymous(api.uri("/api/conferences/" + conference + "/sessions")).statusCode()).isEqualTo(401);
    }

    private String statusAndSequence(URI feed, String sessionId) throws Exception {
        VEvent event = events(expect(200, anonymous(feed))).get(sessionId + "@conference-ops");
        assertThat(event).as("%s in the feed", sessionId).isNotNull();
        return event.getProperty(Property.STATUS).orElseThrow().getValue() + " "
                + event.getProperty(Property.SEQUENCE).orElseThrow().getValue();
    }

    private static Map<String, VEvent> events(HttpResponse<String> feed) {
        try {
            return new CalendarBuilder().build(new StringReader(feed.body())).<VEvent>getComponents(Component.VEVENT)
                    .stream().collect(Collectors.toMap(e -> e.getUid().orElseThrow().getValue(), e -> e));
        }
        catch (IOException | net.fortuna.ical4j.data.ParserException e) {
            throw new AssertionError("not a calendar: " + feed.body(), e);
        }
    }

    private HttpResponse<String> anonymous(URI uri) {
        try {
            return calendarClient.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new AssertionError(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String token(URI feed) {
        String path = feed.getPath();
        return path.substring(path.lastIndexOf('/') + 1, path.length() - ".ics".length());
    }

    private static String sha256(String token) throws RuntimeException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private TokenRequest delegate(String delegateId) {
        return TokenRequest.delegate(delegation, delegateId);
    }

    private HttpResponse<String> book(String session, String delegate) {
        return api.send("POST", "/api/sessions/" + session + "/bookings", delegate(delegate), "{}");
    }
}
