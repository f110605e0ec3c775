package org.conferenceops.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.conferenceops.events.EventCodec;
import org.conferenceops.events.EventMetadata;
import org.conferenceops.events.IntegrationEvent;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of notification-service's integration tests: one application context for all of them (same settings), with
 * short retry delays, plain-HTTP webhooks (local mode), an SMS provider stub and SMTP fault injection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "conference-ops.notifications.retry-delay=200ms",
        "conference-ops.notifications.max-retry-delay=1s",
        "conference-ops.notifications.max-attempts=4",
        "conference-ops.notifications.poll-interval=100ms",
        "conference-ops.notifications.webhooks.allow-http=true",
        "conference-ops.notifications.webhooks.suspend-after=3",
        "conference-ops.notifications.webhooks.timeout=2s",
        "conference-ops.notifications.sms.api-key=test-key",
        // session change batches close after 3 s (2 min in production), swept and reminders looked for often
        "conference-ops.notifications.sessions.coalesce-window=3s",
        "conference-ops.notifications.sessions.sweep-interval=200ms",
        "conference-ops.notifications.sessions.reminder-interval=300ms",
        // a rule switched off, to prove that a disabled kind sends nothing while the others still do
        "conference-ops.notifications.rules.session-capacity-changed.enabled=false",
        // the SMTP fault injector wraps the mail sender, which the mail health indicator cannot inspect
        "management.health.mail.enabled=false" })
@Import(MailFaults.class)
public abstract class NotificationServiceIT {

    protected static final SmsStub SMS = SmsStub.start();

    @DynamicPropertySource
    static void smsProvider(DynamicPropertyRegistry registry) {
        registry.add("conference-ops.notifications.sms.url", SMS::url);
    }

    @LocalServerPort
    protected int port;

    protected final TestInfrastructure infra = TestInfrastructure.get();
    protected final EventCodec codec = EventCodec.standard();
    protected final HttpClient http = HttpClient.newHttpClient();
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    /** Publishes an event as its producer would, under the given event id. */
    protected void publish(String topic, String source, String eventId, IntegrationEvent event, long version)
            throws Exception {
        byte[] value = codec.write(codec.envelope(event, new EventMetadata(eventId, source, Instant.now(),
                "corr-" + eventId, null, version, null)));
        producer.send(new ProducerRecord<>(topic, event.aggregateId(), value)).get();
    }

    protected HttpResponse<String> get(String path, TokenRequest token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + infra.token(token))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> send(String method, String path, TokenRequest token, String json)
            throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + infra.token(token))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
