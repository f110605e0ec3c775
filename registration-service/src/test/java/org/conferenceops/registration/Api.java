package org.conferenceops.registration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.testsupport.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the service's API in integration tests, with helpers that set up a fresh conference. */
public final class Api {

    /**
     * The service as the local stack runs it: demo data, and keys generated into the database (development only;
     * without keys and without that switch the service refuses to start).
     */
    public static final String LOCAL_DEFAULTS = "conference-ops.demo-data=true\n"
            + "registration.keys.generate-local-defaults=true";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestInfrastructure infra = TestInfrastructure.get();
    private final int port;

    public Api(int port) {
        this.port = port;
    }

    public HttpResponse<String> send(String method, String path, TokenRequest token, String contentType, String body,
            Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + infra.token(token))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, TokenRequest token, String json) throws Exception {
        return send("POST", path, token, "application/json", json, Map.of());
    }

    public HttpResponse<String> get(String path, TokenRequest token) throws Exception {
        return send("GET", path, token, null, null, Map.of());
    }

    public HttpResponse<byte[]> getBytes(String path, TokenRequest token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + infra.token(token)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Creates a conference running today (UTC zone) with an open registration window; returns its id. */
    public String newConference(String sizeRule) throws Exception {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 12);
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        HttpResponse<String> created = post("/api/conferences", TokenRequest.organizer(), """
                {"id":"%s","name":"Test ministerial","city":"Berlin","hostCountry":"DEU","startDate":"%s",
                 "endDate":"%s","timeZone":"UTC","mode":"IN_PERSON","workingLanguages":["en","fr"],
                 %s "entrances":["north-gate","south-gate"]}""".formatted(id, today.minusDays(1), today.plusDays(1),
                sizeRule == null ? "" : "\"sizeRule\":" + sizeRule + ","));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("conference not created: " + created.body());
        }
        return id;
    }

    /** Registers a member-state delegation; returns its id. */
    public String newDelegation(String conferenceId, String code) throws Exception {
        HttpResponse<String> created = post("/api/conferences/" + conferenceId + "/delegations", TokenRequest.organizer(),
                "{\"kind\":\"MEMBER_STATE\",\"code\":\"" + code + "\"}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("delegation not created: " + created.body());
        }
        return json(created).get("id").asString();
    }

    /** Registers a delegate as the delegation's focal point; returns the delegate id. */
    public String newDelegate(String conferenceId, String delegationId, String extraJson) throws Exception {
        HttpResponse<String> created = post("/api/conferences/" + conferenceId + "/delegations/" + delegationId
                + "/delegates", TokenRequest.focalPoint(delegationId), """
                {"givenName":"Ana","familyName":"Silva","email":"ana.%s@example.org","preferredLanguage":"es"%s}"""
                .formatted(UUID.randomUUID(), extraJson == null ? "" : "," + extraJson));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("delegate not created: " + created.body());
        }
        return json(created).get("id").asString();
    }
}
