package org.conferenceops.registration.delegates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.conferenceops.events.EventCodec;
import org.conferenceops.events.EventEnvelope;
import org.conferenceops.events.Topics;
import org.conferenceops.events.registration.DelegateRegistered;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.testsupport.TestInfrastructure;
import org.conferenceops.registration.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Registering a delegate over HTTP: stored, published, and refused clearly when it should be. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = Api.LOCAL_DEFAULTS)
class DelegateRegistrationIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestInfrastructure infra = TestInfrastructure.get();
    private String conference;

    @BeforeEach
    void aConferenceOfItsOwn() throws Exception {
        conference = new Api(port).newConference(null);
    }

    @Test
    void aFocalPointRegistersADelegateAndTheEventIsPublishedWithTheRequestsCorrelationId() throws Exception {
        String delegation = new Api(port).newDelegation(conference, "KOR");
        String email = "min-jun." + UUID.randomUUID() + "@example.org";
        HttpResponse<String> response = post(delegation, TokenRequest.focalPoint(delegation),
                body("Min-jun", "Kim", email, "zh"), "corr-" + delegation);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/api/delegates/dlg-"));
        String delegateId = response.headers().firstValue("Location").orElseThrow().substring("/api/delegates/".length());

        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<ConsumerRecord<String, byte[]>> mine = poll(consumer).stream()
                        .filter(r -> delegateId.equals(r.key())).toList();
                assertThat(mine).hasSize(1);
                EventEnvelope envelope = EventCodec.standard().read(mine.getFirst().value());
                assertThat(envelope.type()).isEqualTo("registration.DelegateRegistered");
                assertThat(envelope.source()).isEqualTo("/conference-ops/registration-service");
                assertThat(envelope.correlationId()).isEqualTo("corr-" + delegation);
                DelegateRegistered event = (DelegateRegistered) EventCodec.standard().payload(envelope);
                assertThat(event.email()).isEqualTo(email);
                assertThat(event.preferredLanguage()).isEqualTo(UnLanguage.CHINESE);
                assertThat(event.delegationId()).isEqualTo(delegation);
            });
        }
        HttpResponse<String> read = get("/api/delegates/" + delegateId, TokenRequest.focalPoint(delegation));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"status\":\"PENDING\"").contains("\"preferredLanguage\":\"zh\"");
    }

    @Test
    void theSameEmailTwiceInOneConferenceIsAConflictAndNothingIsWrittenTwice() throws Exception {
        String delegation = new Api(port).newDelegation(conference, "GHA");
        String email = "ama." + UUID.randomUUID() + "@example.org";

        assertThat(post(delegation, TokenRequest.organizer(), body("Ama", "Mensah", email, "en"), null).statusCode())
                .isEqualTo(201);
        HttpResponse<String> again = post(delegation, TokenRequest.organizer(), body("Ama", "Mensah", email.toUpperCase(), "en"), null);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(again.body()).contains("already registered");
    }

    @Test
    void invalidFieldsAreNamedInTheProblemDetails() throws Exception {
        String delegation = new Api(port).newDelegation(conference, "FRA");
        HttpResponse<String> response = post(delegation, TokenRequest.organizer(), body("", "Dupont", "not-an-email", "de"), null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"givenName\"").contains("\"email\"").contains("\"preferredLanguage\"")
                .contains("must be one of the UN languages");
    }

    @Test
    void aFocalPointCannotRegisterForAnotherDelegationNorSeeItsDelegates() throws Exception {
        String mine = new Api(port).newDelegation(conference, "NOR");
        String theirs = new Api(port).newDelegation(conference, "SWE");
        HttpResponse<String> created = post(theirs, TokenRequest.focalPoint(theirs),
                body("Sven", "Larsson", "sven." + UUID.randomUUID() + "@example.org", "en"), null);
        String theirDelegate = created.headers().firstValue("Location").orElseThrow();

        assertThat(post(theirs, TokenRequest.focalPoint(mine), body("A", "B", "a." + UUID.randomUUID() + "@example.org", "en"), null)
                .statusCode()).isEqualTo(404);
        assertThat(get(theirDelegate, TokenRequest.focalPoint(mine)).statusCode()).isEqualTo(404);
        assertThat(get(theirDelegate, TokenRequest.organizer()).statusCode()).isEqualTo(200);
    }

    @Test
    void aRequestWithoutATokenIsUnauthorized() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/delegates/dlg-x")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> post(String delegation, TokenRequest token, String json, String correlationId)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        uri("/api/conferences/" + conference + "/delegations/" + delegation + "/delegates"))
                .header("Authorization", "Bearer " + infra.token(token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, TokenRequest token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + infra.token(token))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String body(String given, String family, String email, String language) {
        return """
                {"givenName":"%s","familyName":"%s","email":"%s","preferredLanguage":"%s"}""".formatted(given, family,
                email, language);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(Topics.REGISTRATION));
        return consumer;
    }

    private final List<ConsumerRecord<String, byte[]>> seen = new java.util.ArrayList<>();

    private List<ConsumerRecord<String, byte[]>> poll(KafkaConsumer<String, byte[]> consumer) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen;
    }
}
