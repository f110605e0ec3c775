package org.conferenceops.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.infra.mail.InboxMessage;
import org.conferenceops.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four services as the local stack runs them, sibling Spring contexts in one JVM with the launcher's property
 * contract, against real Kafka, MongoDB and SMTP: every service becomes ready, and the first vertical slice works
 * across two of them — a focal point registers a delegate in registration-service and the delegate receives the
 * confirmation e-mail from notification-service, in their language, carrying the request's correlation.
 */
class AllServicesInOneJvmIT {

    private static final List<InProcessService> running = new ArrayList<>();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static LocalStackSettings settings;

    @BeforeAll
    static void startServices(@TempDir Path data) throws IOException {
        TestInfrastructure infra = TestInfrastructure.get();
        Map<String, String> env = FreePorts.forVariables(List.of("REGISTRATION_PORT", "SESSION_PORT", "PLEDGE_PORT",
                "NOTIFICATION_PORT", "CONSOLE_PORT"));
        settings = LocalStackSettings.parse(List.of("--data-dir=" + data), env, data);
        StackAddresses addresses = new StackAddresses(infra.kafkaBootstrapServers(), infra.mongoUri(),
                infra.mail().smtpHost(), infra.mail().smtpPort(), infra.mail().inboxUri(), infra.issuer().issuer(),
                infra.issuer().jwksUri(), infra.issuer().tokenUri());
        for (ServiceSpec service : settings.services()) {
            Map<String, String> properties = new HashMap<>(
                    ServiceProperties.of(service, addresses, LocalStackSettings.Mode.IN_PROCESS, settings.services()));
            properties.put("spring.mongodb.database", "one-jvm-" + service.name());
            running.add(InProcessService.start(service, properties));
        }
    }

    @AfterAll
    static void stopServices() {
        running.reversed().forEach(InProcessService::close);
    }

    @Test
    void everyServiceReportsReadyAndLiveOnItsOwnPort() throws Exception {
        for (ServiceSpec service : settings.services()) {
            for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness")) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.baseUri().resolve(probe)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(service.name() + probe).isEqualTo(200);
                assertThat(response.body()).contains("\"status\":\"UP\"");
            }
            HttpResponse<String> docs = http.send(HttpRequest.newBuilder(service.baseUri().resolve("/v3/api-docs")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(docs.body()).as("each context serves its own API under its own name")
                    .contains("\"title\":\"" + service.name() + "\"");
        }
    }

    @Test
    void aDelegateRegisteredByTheirFocalPointIsEmailedInTheirLanguage() throws Exception {
        String delegation = "berlin-2025-FRA";
        String email = "claire." + UUID.randomUUID() + "@example.org";
        String token = TestInfrastructure.get().token(TokenRequest.focalPoint(delegation));
        URI registration = settings.services().getFirst().baseUri();

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        registration.resolve("/api/conferences/berlin-2025/delegations/" + delegation + "/delegates"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", "slice-" + email)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"givenName":"Claire","familyName":"Dubois","email":"%s","preferredLanguage":"fr"}""".formatted(email)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> !TestInfrastructure.get().mail().messagesTo(email).isEmpty());
        InboxMessage message = TestInfrastructure.get().mail().messagesTo(email).getFirst();
        assertThat(message.subject()).isEqualTo("Votre inscription à berlin-2025 a bien été reçue");
        assertThat(message.language()).isEqualTo("fr");
        assertThat(message.textBody()).startsWith("Bonjour Claire Dubois,");
    }
}
