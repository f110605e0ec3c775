package org.conferenceops.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import org.conferenceops.events.Topics;
import org.conferenceops.events.pledge.PledgeAcknowledged;
import org.conferenceops.events.registration.DelegateRegistered;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.notification.NotificationServiceIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Organisations' systems receive signed deliveries; an endpoint that keeps failing is suspended and its owner told. */
class WebhookIT extends NotificationServiceIT {

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);
    private HttpServer endpoint;

    record Received(Map<String, List<String>> headers, String body) {
    }

    @AfterEach
    void stopEndpoint() {
        if (endpoint != null) {
            endpoint.stop(0);
        }
    }

    @Test
    void aPledgeReceiptIsDeliveredOnceToTheStatesEndpointSignedPerStandardWebhooks() throws Exception {
        String state = "G" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String delegation = "seoul-2021-" + state;
        JsonNode subscription = subscribe(delegation, List.of("pledge-acknowledged"));
        String eventId = UUID.randomUUID().toString();
        PledgeAcknowledged acknowledged = new PledgeAcknowledged("plg-" + UUID.randomUUID(), "seoul-2021", state,
                "PCRS-2021-000123", Instant.now());

        publish(Topics.PLEDGE, "pledge-service", eventId, acknowledged, 2);
        publish(Topics.PLEDGE, "pledge-service", eventId, acknowledged, 2);

        await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(received).hasSize(1));
        Received delivery = received.getFirst();
        new Webhook(subscription.path("secret").asString()).verify(delivery.body(), delivery.headers());
        JsonNode body = json.readTree(delivery.body());
        assertThat(body.path("type").asString()).isEqualTo("conference-ops.pledge-acknowledged");
        assertThat(body.path("data").path("receipt").asString()).isEqualTo("PCRS-2021-000123");
        assertThat(body.path("data").path("sourceEventId").asString()).isEqualTo(eventId);
        assertThat(delivery.headers().get("Webhook-id").getFirst()).startsWith("ntf-");
    }

    @Test
    void aMessageToADelegateReachesTheWebhookOfTheirDelegationOnlyAndOnlyForTheKindsSubscribed() throws Exception {
        String subscribed = "seoul-2021-W" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String other = "seoul-2021-X" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        subscribe(subscribed, List.of("registration-confirmation"));
        String ours = "dlg-" + UUID.randomUUID();
        String theirs = "dlg-" + UUID.randomUUID();

        for (String[] delegate : List.of(new String[] {ours, subscribed}, new String[] {theirs, other})) {
            publish(Topics.REGISTRATION, "registration-service", UUID.randomUUID().toString(),
                    new DelegateRegistered(delegate[0], "seoul-2021", delegate[1], "Min-jun", "Kim",
                            delegate[0] + "@example.org", UnLanguage.ENGLISH, Instant.now()), 1);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty()
                && !infra.mail().messagesTo(theirs + "@example.org").isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(received).hasSize(1));
        JsonNode body = json.readTree(received.getFirst().body());
        assertThat(body.path("type").asString()).isEqualTo("conference-ops.registration-confirmation");
        assertThat(body.path("data").path("delegationId").asString()).isEqualTo(subscribed);
    }

    @Test
    void anEndpointThatKeepsFailingIsRetriedWithBackOffThenSuspendedAndItsOwnerIsTold() throws Exception {
        String state = "F" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String delegation = "seoul-2021-" + state;
        JsonNode subscription = subscribe(delegation, List.of());
        answer.set(503);

        publish(Topics.PLEDGE, "pledge-service", UUID.randomUUID().toString(), new PledgeAcknowledged(
                "plg-" + UUID.randomUUID(), "seoul-2021", state, "PCRS-2021-000999", Instant.now()), 2);

        String owner = subscription.path("contactEmail").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> !infra.mail().messagesTo(owner).isEmpty());
        assertThat(infra.mail().messagesTo(owner).getFirst().subject())
                .isEqualTo("Webhook subscription " + subscription.path("id").asString() + " suspended");
        assertThat(received).hasSize(3);
        assertThat(received.get(0).headers().get("Webhook-id")).isEqualTo(received.get(2).headers().get("Webhook-id"));
        String path = "/api/delegations/" + delegation + "/webhooks/" + subscription.path("id").asString();
        assertThat(get(path, TokenRequest.focalPoint(delegation)).body()).contains("\"status\":\"SUSPENDED\"")
                .doesNotContain("whsec_");
        assertThat(get(path, TokenRequest.focalPoint("seoul-2021-XXX")).statusCode()).isEqualTo(404);
        HttpResponse<String> reactivated = send("POST", path + "/reactivation", TokenRequest.focalPoint(delegation), "");
        assertThat(reactivated.body()).contains("\"status\":\"ACTIVE\"");
    }

    @Test
    void aSubscriptionWithoutAValidUrlIsRefusedAndAnUnreachableOneIsAcceptedWithAWarning() throws Exception {
        String delegation = "seoul-2021-KOR-" + UUID.randomUUID();
        HttpResponse<String> invalid = send("POST", "/api/delegations/" + delegation + "/webhooks",
                TokenRequest.focalPoint(delegation), """
                        {"url":"ftp://example.org/hook","contactEmail":"ops@example.org"}""");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("invalid-url");
        assertThat(send("POST", "/api/delegations/" + delegation + "/webhooks", TokenRequest.focalPoint(delegation),
                """
                        {"url":"","contactEmail":"not-an-email"}""").statusCode()).isEqualTo(400);
        HttpResponse<String> unreachable = send("POST", "/api/delegations/" + delegation + "/webhooks",
                TokenRequest.focalPoint(delegation), """
                        {"url":"http://127.0.0.1:1/hook","contactEmail":"ops@example.org"}""");
        assertThat(unreachable.statusCode()).isEqualTo(201);
        assertThat(unreachable.body()).contains("endpoint not reachable now").contains("whsec_");
    }

    private JsonNode subscribe(String delegation, List<String> kinds) throws Exception {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/hook", exchange -> {
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        endpoint.start();
        String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook";
        HttpResponse<String> created = send("POST", "/api/delegations/" + delegation + "/webhooks",
                TokenRequest.focalPoint(delegation), """
                        {"url":"%s","contactEmail":"it-%s@example.org","kinds":%s}""".formatted(url, UUID.randomUUID(),
                        json.writeValueAsString(kinds)));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode subscription = json.readTree(created.body());
        assertThat(subscription.path("secret").asString()).startsWith("whsec_");
        assertThat(subscription.path("warnings").isEmpty()).isTrue();
        return subscription;
    }
}
