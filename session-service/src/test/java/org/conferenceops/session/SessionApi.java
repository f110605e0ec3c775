package org.conferenceops.session;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.conferenceops.events.EventCodec;
import org.conferenceops.events.EventMetadata;
import org.conferenceops.events.Topics;
import org.conferenceops.events.registration.AccreditationCategory;
import org.conferenceops.events.registration.DelegateAccredited;
import org.conferenceops.events.registration.RegistrationEvent;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.testsupport.TestInfrastructure;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the tests do as clients: HTTP calls with tokens, and registration events as registration-service sends them. */
public final class SessionApi implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private final TestInfrastructure infra = TestInfrastructure.get();
    private final KafkaProducer<String, byte[]> producer;

    public SessionApi(int port) {
        this.port = port;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.kafkaBootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class, ProducerConfig.LINGER_MS_CONFIG,
                5));
    }

    public String token(TokenRequest request) {
        return infra.token(request);
    }

    public HttpResponse<String> send(HttpClient client, String method, String path, String token,
            @org.jspecify.annotations.Nullable String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(String method, String path, TokenRequest token, @org.jspecify.annotations.Nullable String json) {
        return send(http, method, path, token(token), json);
    }

    public JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * Creates a two-day meeting in Seoul starting on the (Seoul) day of {@code start}, a room and a session; returns
     * the session id.
     */
    public String sessionWithSeats(String conference, int seats, String start, String end) {
        String meeting = "m-" + UUID.randomUUID();
        String room = "r-" + UUID.randomUUID();
        LocalDate firstDay = Instant.parse(start).atZone(ZoneId.of("Asia/Seoul")).toLocalDate();
        expect(201, send("POST", "/api/conferences/" + conference + "/meetings", TokenRequest.organizer(), """
                {"id":"%s","title":"Ministerial","city":"Seoul","mode":"HYBRID","firstDay":"%s",
                 "lastDay":"%s","timeZone":"Asia/Seoul"}""".formatted(meeting, firstDay, firstDay.plusDays(1))));
        expect(201, send("POST", "/api/conferences/" + conference + "/rooms", TokenRequest.organizer(), """
                {"id":"%s","name":"Hall %s","capacity":%d}""".formatted(room, room, seats)));
        HttpResponse<String> session = expect(201, send("POST", "/api/conferences/" + conference + "/sessions",
                TokenRequest.organizer(), """
                {"meetingId":"%s","track":"sustaining peace","title":"Sustaining peace","chairs":["chair-%s"],
                 "roomId":"%s","mode":"HYBRID","virtualLink":"https://meet.example.org/x","startsAt":"%s",
                 "endsAt":"%s","virtualCapacity":100}""".formatted(meeting, room, room, start, end)));
        return json(session).get("id").asString();
    }

    public static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + " but got " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    /** Publishes a registration event as registration-service would (CloudEvent, key = delegate id). */
    public void publish(RegistrationEvent event, long aggregateVersion) {
        EventCodec codec = EventCodec.standard();
        byte[] bytes = codec.write(codec.envelope(event, new EventMetadata(UUID.randomUUID().toString(),
                "registration-service", Instant.now(), "test", null, aggregateVersion, null)));
        producer.send(new ProducerRecord<>(Topics.REGISTRATION, event.aggregateId(), bytes));
    }

    /** Accredits {@code count} new delegates of a delegation and waits until session-service knows them all. */
    public List<String> accredit(String conference, String delegation, int count, Predicate<String> known) {
        List<String> delegates = IntStream.range(0, count).mapToObj(i -> "dlg-" + UUID.randomUUID()).toList();
        Instant now = Instant.now();
        delegates.forEach(d -> publish(new DelegateAccredited(d, conference, delegation,
                AccreditationCategory.MEMBER_STATE_DELEGATE, false, now), 3));
        flush();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> delegates.stream().allMatch(known));
        return delegates;
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
