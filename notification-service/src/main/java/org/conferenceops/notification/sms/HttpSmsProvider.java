package org.conferenceops.notification.sms;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends through a provider's JSON HTTP API: {@code POST <url>} with {@code Authorization: Bearer <key>},
 * {@code Idempotency-Key: <reference>} and body {@code {"from","to","text","reference"}}; a 2xx answer carries
 * {@code {"id"}}. 4xx (except 408 and 429) is permanent, everything else is retried.
 */
class HttpSmsProvider implements SmsProvider {

    private final SmsSettings settings;
    private final JsonMapper json;
    private final HttpClient http;

    HttpSmsProvider(SmsSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public String send(String reference, String to, String text) {
        if (settings.url() == null || settings.url().toString().isBlank()) {
            throw new SmsRejected("no SMS provider configured", true);
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("from", settings.sender());
        body.put("to", to);
        body.put("text", text);
        body.put("reference", reference);
        HttpRequest request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Idempotency-Key", reference)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new SmsRejected("provider unreachable: " + e.getClass().getSimpleName(), false);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsRejected("interrupted", false);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            JsonNode answer = json.readTree(response.body());
            return answer.path("id").asString("");
        }
        boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
        throw new SmsRejected("provider answered " + status, permanent);
    }
}
