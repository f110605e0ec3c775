package org.conferenceops.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes and reads events as CloudEvents 1.0 in structured JSON mode, and binds their {@code data} to the
 * catalogued record. Reading is strict about the envelope (required attributes, spec version, types) and
 * tolerant about data (unknown fields ignored, unknown enum values read as {@code UNKNOWN}), so that additive
 * changes within a contract version never break a consumer.
 */
public final class EventCodec {

    private final EventCatalogue catalogue;
    private final JsonMapper json;

    public EventCodec(EventCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue);
        this.json = JsonMapper.builder()
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .build();
    }

    /** A codec over the standard catalogue. */
    public static EventCodec standard() {
        return new EventCodec(EventCatalogue.standard());
    }

    public EventCatalogue catalogue() {
        return catalogue;
    }

    /** Wraps a catalogued record in its envelope. */
    public EventEnvelope envelope(IntegrationEvent event, EventMetadata metadata) {
        EventDescriptor descriptor = catalogue.describe(event.getClass());
        JsonNode data = json.valueToTree(event);
        return new EventEnvelope(metadata.id(), descriptor.type(), descriptor.version(),
                EventEnvelope.sourceOf(metadata.serviceName()), event.aggregateId(), metadata.time(),
                metadata.correlationId(), metadata.causationId(), metadata.aggregateVersion(), metadata.traceparent(),
                data);
    }

    /** The structured-mode JSON bytes of an envelope. */
    public byte[] write(EventEnvelope envelope) {
        ObjectNode node = json.createObjectNode();
        node.put("specversion", EventEnvelope.SPEC_VERSION);
        node.put("id", envelope.id());
        node.put("type", envelope.type());
        node.put("source", envelope.source());
        node.put("subject", envelope.subject());
        node.put("time", envelope.time().toString());
        node.put("datacontenttype", "application/json");
        node.put("dataversion", envelope.dataVersion());
        putIfPresent(node, "correlationid", envelope.correlationId());
        putIfPresent(node, "causationid", envelope.causationId());
        if (envelope.aggregateVersion() != null) {
            node.put("aggregateversion", envelope.aggregateVersion());
        }
        putIfPresent(node, "traceparent", envelope.traceparent());
        node.set("data", envelope.data());
        return json.writeValueAsBytes(node);
    }

    /** Structured-mode JSON as a string, for fixtures and logs of non-personal events. */
    public String writeString(EventEnvelope envelope) {
        return new String(write(envelope), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Reads and validates an envelope.
     *
     * @throws InvalidEventException naming the first problem found
     */
    public EventEnvelope read(byte @Nullable [] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidEventException("empty record value");
        }
        JsonNode node;
        try {
            node = json.readTree(bytes);
        }
        catch (JacksonException e) {
            throw new InvalidEventException("record value is not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidEventException("record value is not a JSON object");
        }
        String specVersion = requiredString(node, "specversion");
        if (!EventEnvelope.SPEC_VERSION.equals(specVersion)) {
            throw new InvalidEventException("unsupported CloudEvents specversion '" + specVersion + "'");
        }
        String contentType = optionalString(node, "datacontenttype");
        if (contentType != null && !contentType.startsWith("application/json")) {
            throw new InvalidEventException("unsupported datacontenttype '" + contentType + "'");
        }
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            throw new InvalidEventException("attribute 'data' must be a JSON object");
        }
        return new EventEnvelope(requiredString(node, "id"), requiredString(node, "type"),
                requiredPositiveInt(node, "dataversion"), requiredString(node, "source"),
                requiredString(node, "subject"), requiredTime(node), optionalString(node, "correlationid"),
                optionalString(node, "causationid"), optionalLong(node, "aggregateversion"),
                optionalString(node, "traceparent"), data);
    }

    /**
     * Binds an envelope's data to its catalogued record.
     *
     * @throws UnknownEventException if this build does not know the (type, version)
     * @throws InvalidEventException if the data does not satisfy the contract
     */
    public IntegrationEvent payload(EventEnvelope envelope) {
        EventDescriptor descriptor = catalogue.find(envelope.type(), envelope.dataVersion())
                .orElseThrow(() -> new UnknownEventException(catalogue.knowsType(envelope.type())
                        ? "unsupported version " + envelope.dataVersion() + " of event type '" + envelope.type() + "'"
                        : "unknown event type '" + envelope.type() + "'"));
        IntegrationEvent event;
        try {
            event = json.treeToValue(envelope.data(), descriptor.javaType());
        }
        catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidEventException("data of " + descriptor.key() + " violates its contract: "
                    + rootMessage(e), e);
        }
        if (!event.aggregateId().equals(envelope.subject())) {
            throw new InvalidEventException("subject '" + envelope.subject() + "' does not match the event's aggregate id");
        }
        return event;
    }

    /** {@link #read(byte[])} then {@link #payload(EventEnvelope)}. */
    public IntegrationEvent decode(byte[] bytes) {
        return payload(read(bytes));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof JacksonException jackson ? jackson.getOriginalMessage() : root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }

    private static void putIfPresent(ObjectNode node, String name, @Nullable String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static String requiredString(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new InvalidEventException("required attribute '" + name + "' is missing");
        }
        if (!value.isString() || value.stringValue().isBlank()) {
            throw new InvalidEventException("attribute '" + name + "' must be a non-empty string");
        }
        return value.stringValue();
    }

    private static @Nullable String optionalString(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidEventException("attribute '" + name + "' must be a string");
        }
        return value.stringValue();
    }

    private static int requiredPositiveInt(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new InvalidEventException("required attribute '" + name + "' is missing");
        }
        long number = integerOf(value, name);
        if (number < 1 || number > Integer.MAX_VALUE) {
            throw new InvalidEventException("attribute '" + name + "' must be a positive integer");
        }
        return (int) number;
    }

    private static @Nullable Long optionalLong(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : integerOf(value, name);
    }

    // CloudEvents SDKs may carry integer extensions as JSON numbers or as canonical strings; accept both.
    private static long integerOf(JsonNode value, String name) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isString() && value.stringValue().matches("-?\\d{1,18}")) {
            return Long.parseLong(value.stringValue());
        }
        throw new InvalidEventException("attribute '" + name + "' must be an integer");
    }

    private static Instant requiredTime(JsonNode node) {
        String time = requiredString(node, "time");
        try {
            return java.time.OffsetDateTime.parse(time).toInstant();
        }
        catch (DateTimeParseException e) {
            throw new InvalidEventException("attribute 'time' is not an RFC 3339 timestamp: '" + time + "'", e);
        }
    }
}
