package org.conferenceops.session.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.conferenceops.session.SessionApi.expect;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.platform.live.LiveEventStream;
import org.conferenceops.session.SessionApi;
import org.conferenceops.session.SessionApplication;
import org.conferenceops.session.accreditation.AccreditedDelegateRepository;
import org.conferenceops.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Agenda and programme change streams across two replicas: the change is made on one, the streams are open on the
 * other, which hears it from the topic (not from a poll) and pushes at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "conference-ops.seats.reconcile-grace=0s")
class LiveChangesIT {

    private static ConfigurableApplicationContext otherReplica;

    @LocalServerPort
    int port;

    @Autowired
    AccreditedDelegateRepository accredited;

    @Autowired
    LiveEventStream live;

    private final HttpClient streams = HttpClient.newHttpClient();
    private final String conference = "seoul-2032-" + UUID.randomUUID();
    private final String delegation = conference + "-KOR";
    private SessionApi api;
    private SessionApi other;

    /** A second session-service on the same database and broker, as a second pod would be. */
    @BeforeAll
    static void startAnotherReplica() {
        TestInfrastructure infra = TestInfrastructure.get();
        otherReplica = new SpringApplicationBuilder(SessionApplication.class).registerShutdownHook(false).run(
                "--server.port=0", "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "--spring.cloud.stream.kafka.binder.brokers=" + infra.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + infra.mongoUri(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + infra.issuer().jwksUri(),
                "--conference-ops.security.issuer=" + infra.issuer().issuer(),
                "--conference-ops.seats.reconcile-grace=0s");
    }

    @AfterAll
    static void stopIt() {
        otherReplica.close();
    }

    @BeforeEach
    void clients() throws InterruptedException {
        api = new SessionApi(port);
        other = new SessionApi(((WebServerApplicationContext) otherReplica).getWebServer().getPort());
        assertThat(live.awaitFollowing(Duration.ofSeconds(30))).isTrue();
        assertThat(otherReplica.getBean(LiveEventStream.class).awaitFollowing(Duration.ofSeconds(30))).isTrue();
    }

    @AfterEach
    void close() {
        api.close();
        other.close();
    }

    @Test
    void aModeChangeOnOneReplicaIsPushedToTheBookedDelegatesAndOrganisersStreamsOnTheOther() {
        String session = api.sessionWithSeats(conference, 10, "2032-12-07T01:00:00Z", "2032-12-07T03:00:00Z");
        List<String> delegates = api.accredit(conference, delegation, 2, accredited::existsById);
        String booked = delegates.get(0);
        String notBooked = delegates.get(1);
        List<String> bookedStream = open(other, "/api/me/agenda/changes", TokenRequest.delegate(delegation, booked));
        List<String> otherStream = open(other, "/api/me/agenda/changes", TokenRequest.delegate(delegation, notBooked));
        List<String> programme = open(other, "/api/conferences/" + conference + "/programme/changes",
                TokenRequest.organizer());

        expect(201, api.send("POST", "/api/sessions/" + session + "/bookings",
                TokenRequest.delegate(delegation, booked), "{}"));
        await().atMost(Duration.ofSeconds(20)).until(() -> bookedStream.stream()
                .anyMatch(line -> line.contains("\"change\":\"confirmed\"") && line.contains(session)));

        expect(200, api.send("POST", "/api/sessions/" + session + "/mode", TokenRequest.organizer(),
                "{\"mode\":\"VIRTUAL\",\"virtualLink\":\"https://meet.example.org/live\"}"));

        await().atMost(Duration.ofSeconds(20)).until(() -> bookedStream.stream()
                .anyMatch(line -> line.contains("\"change\":\"mode\"") && line.contains(session)));
        await().atMost(Duration.ofSeconds(20)).until(() -> programme.stream()
                .anyMatch(line -> line.contains("\"change\":\"mode\"") && line.contains(session)));
        assertThat(bookedStream).contains("event:agenda-changed");
        assertThat(programme).contains("event:programme-changed").noneMatch(line -> line.contains("confirmed"));
        assertThat(otherStream).as("a delegate without a booking hears nothing of it")
                .contains("event:connected").doesNotContain("event:agenda-changed");
    }

    @Test
    void theStreamsAreOnlyForTheirRoles() {
        String delegate = "dlg-" + UUID.randomUUID();
        assertThat(api.send("GET", "/api/me/agenda/changes", TokenRequest.organizer(), null).statusCode())
                .isEqualTo(403);
        assertThat(api.send("GET", "/api/conferences/" + conference + "/programme/changes",
                TokenRequest.delegate(delegation, delegate), null).statusCode()).isEqualTo(403);
        assertThat(api.send("GET", "/api/conferences/" + conference + "/programme/changes",
                TokenRequest.focalPoint(delegation), null).statusCode()).isEqualTo(403);
    }

    /** Opens a stream and collects its lines; returns once the stream said it is connected. */
    private List<String> open(SessionApi replica, String path, TokenRequest token) {
        List<String> lines = new CopyOnWriteArrayList<>();
        streams.sendAsync(HttpRequest.newBuilder(replica.uri(path)).header("Authorization",
                        "Bearer " + replica.token(token)).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:connected"));
        return lines;
    }
}
