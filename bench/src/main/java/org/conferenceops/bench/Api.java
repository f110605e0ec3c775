package org.conferenceops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A small JSON-over-HTTP client for the services' public APIs: bearer tokens, JSON bodies, the status, the parsed
 * answer and how long the exchange took. HTTP/1.1, as the services speak it; never throws for a status code.
 */
public final class Api {

    /** Shared, thread-safe. */
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final Duration timeout;
    private final int retriesWhenUnavailable;

    /** A client whose requests time out after {@code timeout}; every answer is returned as it came. */
    public Api(Duration timeout) {
        this(timeout, 0);
    }

    private Api(Duration timeout, int retriesWhenUnavailable) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.timeout = timeout;
        this.retriesWhenUnavailable = retriesWhenUnavailable;
    }

    /**
     * A client that behaves as the services ask of a client: a request answered 503 with {@code Retry-After} (the
     * service stored nothing and is busy) is sent again after the time it names, up to {@code retries} times; the
     * last answer is returned. Load generators measuring errors use {@link #Api(Duration)} instead.
     */
    public static Api retryingWhenUnavailable(Duration timeout, int retries) {
        return new Api(timeout, retries);
    }

    /** A client with a 30 s request timeout. */
    public Api() {
        this(Duration.ofSeconds(30));
    }

    /**
     * One answer.
     *
     * @param status the HTTP status, or 0 when the request failed without an answer (see {@code error})
     * @param body the parsed JSON body, or a missing node
     * @param raw the body as text
     * @param headers the response headers (first value of each)
     * @param nanos how long the exchange took, from sending to the whole body
     * @param error why no answer came, for status 0
     */
    public record Response(int status, JsonNode body, String raw, Map<String, String> headers, long nanos,
            @Nullable String error) {

        /** Whether the status is 2xx. */
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** A text field of the body, or null. */
        public @Nullable String text(String field) {
            JsonNode value = body.get(field);
            return value == null || value.isNull() ? null : value.asString();
        }

        /** Fails with the status and body unless the status is 2xx. */
        public Response requireOk(String what) {
            if (!ok()) {
                throw new ApiException(what, this);
            }
            return this;
        }

        /** Whether the answer is a problem whose detail or type mentions {@code code}. */
        public boolean problem(String code) {
            return raw.contains(code);
        }
    }

    /** A request that did not get the answer it needed. */
    public static final class ApiException extends RuntimeException {

        private final transient Response response;

        ApiException(String what, Response response) {
            super(what + ": HTTP " + response.status() + " " + abbreviate(response.error() != null ? response.error()
                    : response.raw()));
            this.response = response;
        }

        /** The answer. */
        public Response response() {
            return response;
        }

        private static String abbreviate(String text) {
            return text.length() > 400 ? text.substring(0, 400) + "…" : text;
        }
    }

    /** {@code GET} with a bearer token (or none). */
    public Response get(URI uri, @Nullable String token) {
        return send("GET", uri, token, null, Map.of());
    }

    /** {@code POST} of a JSON body. */
    public Response post(URI uri, @Nullable String token, @Nullable Object body) {
        return send("POST", uri, token, body, Map.of());
    }

    /** {@code PUT} of a JSON body. */
    public Response put(URI uri, @Nullable String token, @Nullable Object body) {
        return send("PUT", uri, token, body, Map.of());
    }

    /**
     * Sends a request. A body that is a {@link String} is sent as is with the {@code Content-Type} from
     * {@code headers} (JSON by default); any other object is written as JSON.
     */
    public Response send(String method, URI uri, @Nullable String token, @Nullable Object body,
            Map<String, String> headers) {
        Response response = sendOnce(method, uri, token, body, headers);
        for (int retry = 0; retry < retriesWhenUnavailable && response.status() == 503
                && response.headers().containsKey("retry-after"); retry++) {
            try {
                Thread.sleep(retryAfterMillis(response.headers().get("retry-after")));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            response = sendOnce(method, uri, token, body, headers);
        }
        return response;
    }

    /** Seconds of a {@code Retry-After} header, at least 100 ms, at most 10 s (an HTTP date: 1 s). */
    static long retryAfterMillis(String header) {
        try {
            return Math.clamp(Long.parseLong(header.strip()) * 1000, 100, 10_000);
        }
        catch (NumberFormatException httpDate) {
            return 1000;
        }
    }

    private Response sendOnce(String method, URI uri, @Nullable String token, @Nullable Object body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", headers.getOrDefault("Accept", "application/json"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach((name, value) -> {
            if (!name.equals("Accept")) {
                request.header(name, value);
            }
        });
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        else {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            if (!headers.containsKey("Content-Type")) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - start;
            Map<String, String> first = new java.util.HashMap<>();
            response.headers().map().forEach((name, values) -> {
                if (!values.isEmpty()) {
                    first.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst());
                }
            });
            return new Response(response.statusCode(), parse(response.body()), response.body(), first, nanos, null);
        }
        catch (IOException e) {
            return new Response(0, MissingNode.getInstance(), "", Map.of(), System.nanoTime() - start, e.toString());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Reads a URL's body as text, failing unless 200. */
    public String text(URI uri) {
        Response response = send("GET", uri, null, null, Map.of());
        if (response.status() != 200) {
            throw new UncheckedIOException(new IOException("GET " + uri + ": HTTP " + response.status()));
        }
        return response.raw();
    }

    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Optional.ofNullable(JSON.readTree(body)).orElse(MissingNode.getInstance());
        }
        catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }
}
