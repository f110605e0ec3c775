package org.conferenceops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the four services, the token issuer and the SMTP inbox of a running stack answer.
 *
 * @param registration registration-service base URL, e.g. {@code http://127.0.0.1:8081}
 * @param session session-service base URL
 * @param pledge pledge-service base URL
 * @param notification notification-service base URL
 * @param tokenUri the dev issuer's {@code POST /token}
 * @param inbox the SMTP inbox's base URL (serves {@code /messages}), or null when the stack uses an external relay
 * @param kafkaBootstrapServers the stack's Kafka, or null when unknown
 * @param stackPid the launcher's pid (the all-in-one JVM), or null when unknown
 */
public record StackEndpoints(URI registration, URI session, URI pledge, URI notification, URI tokenUri,
        @Nullable URI inbox, @Nullable String kafkaBootstrapServers, @Nullable Long stackPid) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The services in the order the stack starts them, by name. */
    public Map<String, URI> services() {
        return Map.of("registration-service", registration, "session-service", session, "pledge-service", pledge,
                "notification-service", notification);
    }

    /**
     * Reads the stack's {@code stack.json} (written by the local stack once everything is up).
     *
     * @throws IllegalStateException when the file is missing or lacks an address
     */
    public static StackEndpoints fromStackJson(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + file + ": is the local stack running? (./conference-ops up)");
        }
        JsonNode state;
        try {
            state = JSON.readTree(Files.readString(file));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        JsonNode services = state.path("services");
        return new StackEndpoints(uri(services, "registration-service"), uri(services, "session-service"),
                uri(services, "pledge-service"), uri(services, "notification-service"), uri(state, "tokenUrl"),
                optionalUri(state, "inboxUrl"), optionalText(state, "kafkaBootstrapServers"),
                state.path("pid").canConvertToLong() ? state.path("pid").asLong() : null);
    }

    /**
     * These endpoints with those named in {@code overrides} replaced: keys {@code registration}, {@code session},
     * {@code pledge}, {@code notification}, {@code token}, {@code inbox}, {@code kafka}.
     */
    public StackEndpoints with(Map<String, String> overrides) {
        return new StackEndpoints(
                override(overrides, "registration", registration),
                override(overrides, "session", session),
                override(overrides, "pledge", pledge),
                override(overrides, "notification", notification),
                override(overrides, "token", tokenUri),
                overrides.containsKey("inbox") ? URI.create(overrides.get("inbox")) : inbox,
                overrides.getOrDefault("kafka", kafkaBootstrapServers),
                stackPid);
    }

    private static URI override(Map<String, String> overrides, String key, URI current) {
        String value = overrides.get(key);
        return value == null ? current : URI.create(value);
    }

    private static URI uri(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null) {
            throw new IllegalStateException("stack.json has no " + field);
        }
        return URI.create(value);
    }

    private static @Nullable URI optionalUri(JsonNode node, String field) {
        String value = optionalText(node, field);
        return value == null ? null : URI.create(value);
    }

    private static @Nullable String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString();
    }
}
