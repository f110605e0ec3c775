package org.conferenceops.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proves the hand-written AsyncAPI document ({@code docs/asyncapi/asyncapi.yaml}) describes exactly the
 * {@link EventCatalogue}: one message per catalogued (type, version), with the right envelope constants, the record's
 * fields, types and required list, on the channel of its topic, sent by its producer. Whether the document is valid
 * AsyncAPI is checked separately by the parser ({@code tools/asyncapi-validate}) in the {@code verify} phase.
 */
class AsyncApiCatalogueTest {

    /** The consuming services that own a dead-letter topic, present or planned (see {@link Topics#deadLetter}). */
    private static final List<String> CONSUMING_SERVICES = List.of("notification-service", "session-service",
            "pledge-service");
    /** The only message that is not a catalogued event: what a dead-letter topic holds. */
    private static final String DEAD_LETTER_MESSAGE = "DeadLetterRecord";
    private static final String MESSAGES_REF = "#/components/messages/";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Map<String, Object> document;

    @BeforeAll
    static void readTheDocument() throws IOException {
        try (Reader reader = Files.newBufferedReader(documentPath(), StandardCharsets.UTF_8)) {
            document = new Yaml().load(reader);
        }
    }

    static List<EventDescriptor> catalogued() {
        return List.copyOf(EventCatalogue.standard().descriptors());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogued")
    void everyCataloguedEventHasAMessageNamedAfterItsTypeAndVersion(EventDescriptor descriptor) {
        Map<String, Object> message = message(descriptor);

        assertThat(message.get("name")).isEqualTo(messageName(descriptor));
        assertThat(message.get("contentType")).isEqualTo(EventEnvelope.CONTENT_TYPE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogued")
    void eachMessageFixesTheTypeDataVersionAndSourceOfItsEvent(EventDescriptor descriptor) {
        Map<String, Object> payload = map(message(descriptor).get("payload"));

        assertThat(constOf(payload, "type")).as("type const").isEqualTo(descriptor.type());
        assertThat(constOf(payload, "dataversion")).as("dataversion const").isEqualTo(descriptor.version());
        assertThat(constOf(payload, "source")).as("source const")
                .isEqualTo(EventEnvelope.sourceOf(descriptor.producer()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogued")
    void eachMessageDataHasExactlyTheRecordsFieldsAndRequiresTheNonNullOnes(EventDescriptor descriptor) {
        Map<String, Object> data = dataSchema(descriptor);
        RecordComponent[] components = descriptor.javaType().getRecordComponents();

        assertThat(map(data.get("properties")).keySet()).as("data properties of %s", descriptor.key())
                .containsExactlyElementsOf(Arrays.stream(components).map(RecordComponent::getName).toList());
        assertThat(list(data.get("required"))).as("data required of %s", descriptor.key())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(components)
                        .filter(component -> !isNullable(component)).map(RecordComponent::getName).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogued")
    void eachDataFieldHasTheWireTypeOfItsRecordComponent(EventDescriptor descriptor) {
        Map<String, Object> properties = map(dataSchema(descriptor).get("properties"));

        for (RecordComponent component : descriptor.javaType().getRecordComponents()) {
            Map<String, Object> schema = resolve(properties.get(component.getName()));
            assertThat(wireType(schema)).as("%s.%s", descriptor.key(), component.getName())
                    .isEqualTo(expectedWireType(component));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogued")
    void eachMessageIsOnTheChannelOfItsTopicAndOnNoOther(EventDescriptor descriptor) {
        List<String> addresses = channels().values().stream()
                .filter(channel -> messageRefs(channel).contains(MESSAGES_REF + messageName(descriptor)))
                .map(channel -> (String) channel.get("address"))
                .toList();

        assertThat(addresses).containsExactly(descriptor.topic());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogued")
    void eachEventIsSentByItsProducerOnItsTopic(EventDescriptor descriptor) {
        List<Map<String, Object>> senders = operations().stream()
                .filter(operation -> "send".equals(operation.get("action")))
                .filter(operation -> operationMessages(operation).contains(MESSAGES_REF + messageName(descriptor)))
                .toList();

        assertThat(senders).as("send operations of %s", descriptor.key()).singleElement().satisfies(operation -> {
            assertThat(operation.get("x-service")).isEqualTo(descriptor.producer());
            assertThat(resolve(operation.get("channel")).get("address")).isEqualTo(descriptor.topic());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogued")
    void eachMessageKeysItsKafkaRecordByTheAggregateIdAsAString(EventDescriptor descriptor) {
        Map<String, Object> kafka = map(resolve(message(descriptor).get("bindings")).get("kafka"));

        assertThat(resolve(kafka.get("key")).get("type")).isEqualTo("string");
    }

    @Test
    void everyMessageInTheDocumentIsCataloguedExceptTheDeadLetterRecord() {
        Set<String> catalogued = new LinkedHashSet<>(catalogued().stream().map(AsyncApiCatalogueTest::messageName).toList());
        catalogued.add(DEAD_LETTER_MESSAGE);

        assertThat(map(components().get("messages")).keySet()).containsExactlyInAnyOrderElementsOf(catalogued);
        Set<String> onChannels = new LinkedHashSet<>();
        channels().values().forEach(channel -> onChannels.addAll(messageRefs(channel)));
        assertThat(onChannels).allSatisfy(ref -> assertThat(ref).startsWith(MESSAGES_REF))
                .containsExactlyInAnyOrderElementsOf(catalogued.stream().map(name -> MESSAGES_REF + name).toList());
    }

    @Test
    void eventChannelsAreExactlyTheCataloguedTopics() {
        List<String> eventChannels = channels().values().stream().map(channel -> (String) channel.get("address"))
                .filter(address -> !address.endsWith(".dlq")).toList();

        assertThat(eventChannels).containsExactlyInAnyOrderElementsOf(
                catalogued().stream().map(EventDescriptor::topic).distinct().toList());
    }

    @Test
    void deadLetterChannelsAreTheTopicsOfEveryConsumingServiceAndHoldOnlyDeadLetterRecords() {
        Map<String, Map<String, Object>> deadLetterChannels = new LinkedHashMap<>();
        channels().values().stream().filter(channel -> ((String) channel.get("address")).endsWith(".dlq"))
                .forEach(channel -> deadLetterChannels.put((String) channel.get("address"), channel));

        assertThat(deadLetterChannels.keySet()).containsExactlyInAnyOrderElementsOf(
                CONSUMING_SERVICES.stream().map(Topics::deadLetter).toList());
        assertThat(deadLetterChannels.values()).allSatisfy(channel ->
                assertThat(messageRefs(channel)).containsExactly(MESSAGES_REF + DEAD_LETTER_MESSAGE));
    }

    @Test
    void theSharedEnvelopeDescribesEveryAttributeEventCodecWritesAndRequiresOnlyWhatItAlwaysWrites() {
        Map<String, Object> envelope = resolve(map(components().get("schemas")).get("CloudEventEnvelope"));
        Set<String> described = map(envelope.get("properties")).keySet();
        EventCodec codec = EventCodec.standard();

        for (Fixtures fixture : Fixtures.all()) {
            JsonNode written = JSON.readTree(codec.write(codec.read(fixture.bytes())));
            List<String> attributes = List.copyOf(written.propertyNames());
            assertThat(described).as("envelope properties vs %s", fixture).containsAll(attributes);
            assertThat(attributes).as("required attributes vs %s", fixture)
                    .containsAll(list(envelope.get("required")).stream().map(String::valueOf).toList());
        }
    }

    @Test
    void everyMessageExampleIsAGoldenFixture() {
        List<JsonNode> fixtures = Fixtures.all().stream().map(fixture -> JSON.readTree(fixture.bytes())).toList();
        int examples = 0;

        for (Map.Entry<String, Object> entry : map(components().get("messages")).entrySet()) {
            for (Object example : list(map(entry.getValue()).get("examples"))) {
                assertThat(fixtures).as("example of %s", entry.getKey())
                        .contains(JSON.valueToTree(map(example).get("payload")));
                examples++;
            }
        }
        assertThat(examples).isPositive();
    }

    // --- reading the document ---

    private static Path documentPath() {
        String configured = System.getProperty("asyncapi.document");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path relative = Path.of("docs", "asyncapi", "asyncapi.yaml");
        for (Path start : startingPoints()) {
            for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve(relative))) {
                    return dir.resolve(relative);
                }
            }
        }
        throw new IllegalStateException("cannot find " + relative + " above " + startingPoints()
                + "; set -Dasyncapi.document=<path>");
    }

    /** The working directory (the module, under Surefire) and the test classes' location, whichever finds it. */
    private static List<Path> startingPoints() {
        List<Path> starts = new ArrayList<>(List.of(Path.of("").toAbsolutePath()));
        try {
            starts.add(Path.of(AsyncApiCatalogueTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        catch (URISyntaxException | RuntimeException e) {
            // the working directory alone must do
        }
        return starts;
    }

    private static Map<String, Object> components() {
        return map(document.get("components"));
    }

    private static Map<String, Map<String, Object>> channels() {
        Map<String, Map<String, Object>> channels = new LinkedHashMap<>();
        map(document.get("channels")).forEach((id, channel) -> channels.put(id, resolve(channel)));
        return channels;
    }

    private static List<Map<String, Object>> operations() {
        return map(document.get("operations")).values().stream().map(AsyncApiCatalogueTest::resolve).toList();
    }

    private static String messageName(EventDescriptor descriptor) {
        return descriptor.type() + ".v" + descriptor.version();
    }

    private static Map<String, Object> message(EventDescriptor descriptor) {
        Object message = map(components().get("messages")).get(messageName(descriptor));
        if (message == null) {
            fail("no message %s in components.messages for %s", messageName(descriptor), descriptor.key());
        }
        return resolve(message);
    }

    /** The {@code $ref}s of a channel's messages, each expected to point into components.messages. */
    private static List<String> messageRefs(Map<String, Object> channel) {
        return map(channel.getOrDefault("messages", Map.of())).values().stream()
                .map(message -> (String) map(message).get("$ref")).toList();
    }

    /** An operation's messages, followed through the channel to the components.messages they stand for. */
    private static List<String> operationMessages(Map<String, Object> operation) {
        return list(operation.get("messages")).stream()
                .map(reference -> (String) map(reference).get("$ref"))
                .map(reference -> (String) map(pointer(reference)).get("$ref"))
                .toList();
    }

    private static Map<String, Object> dataSchema(EventDescriptor descriptor) {
        List<Map<String, Object>> schemas = propertySchemas(map(message(descriptor).get("payload"))).get("data");
        assertThat(schemas).as("data schemas of %s", descriptor.key()).isNotNull();
        return schemas.stream().filter(schema -> schema.containsKey("properties")).findFirst()
                .orElseGet(() -> fail("no data properties in %s", descriptor.key()));
    }

    /** The const of an envelope attribute, from whichever part of the payload's allOf fixes it. */
    private static @Nullable Object constOf(Map<String, Object> payload, String attribute) {
        return propertySchemas(payload).getOrDefault(attribute, List.of()).stream()
                .filter(schema -> schema.containsKey("const")).map(schema -> schema.get("const"))
                .findFirst().orElse(null);
    }

    /** Every schema given for each property, across {@code $ref}s and {@code allOf}. */
    private static Map<String, List<Map<String, Object>>> propertySchemas(Object schemaNode) {
        Map<String, List<Map<String, Object>>> result = new LinkedHashMap<>();
        collect(resolve(schemaNode), result);
        return result;
    }

    private static void collect(Map<String, Object> schema, Map<String, List<Map<String, Object>>> result) {
        map(schema.getOrDefault("properties", Map.of())).forEach((name, property) ->
                result.computeIfAbsent(name, k -> new ArrayList<>()).add(resolve(property)));
        for (Object part : list(schema.get("allOf"))) {
            collect(resolve(part), result);
        }
    }

    /** Follows local {@code $ref}s ({@code #/...}) until a node that is not a reference. */
    private static Map<String, Object> resolve(Object node) {
        Map<String, Object> current = map(node);
        for (int hops = 0; current.get("$ref") instanceof String reference; hops++) {
            if (hops > 16) {
                fail("reference cycle at %s", reference);
            }
            current = map(pointer(reference));
        }
        return current;
    }

    private static Object pointer(String reference) {
        if (!reference.startsWith("#/")) {
            return fail("only local references are supported here: %s", reference);
        }
        Object node = document;
        for (String token : reference.substring(2).split("/")) {
            String key = token.replace("~1", "/").replace("~0", "~");
            node = map(node).get(key);
            if (node == null) {
                return fail("unresolvable reference %s (at '%s')", reference, key);
            }
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(@Nullable Object node) {
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof Map<?, ?>)) {
            return fail("expected a mapping but found %s", node);
        }
        return (Map<String, Object>) node;
    }

    private static List<Object> list(@Nullable Object node) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof List<?> items)) {
            return fail("expected a sequence but found %s", node);
        }
        return List.copyOf(items);
    }

    // --- Java types on the wire ---

    private static boolean isNullable(RecordComponent component) {
        return !component.getType().isPrimitive()
                && component.getAnnotatedType().isAnnotationPresent(Nullable.class);
    }

    /**
     * What a schema says about the JSON form of a value: type, enum, and whether it is a {@code date-time} or a
     * {@code decimal} string; for an array the wire type of its items, for an object the wire type of each property
     * and which are required. Other formats ({@code email}, {@code int32}) only document a plain string or integer.
     */
    private static Map<String, Object> wireType(Map<String, Object> schema) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("type", schema.get("type"));
        if ("date-time".equals(schema.get("format")) || "decimal".equals(schema.get("format"))) {
            wire.put("format", schema.get("format"));
        }
        if (schema.containsKey("enum")) {
            wire.put("enum", list(schema.get("enum")));
        }
        if ("array".equals(schema.get("type"))) {
            wire.put("items", wireType(resolve(schema.get("items"))));
        }
        if ("object".equals(schema.get("type"))) {
            Map<String, Object> properties = new LinkedHashMap<>();
            map(schema.get("properties")).forEach((name, property) -> properties.put(name, wireType(resolve(property))));
            wire.put("properties", properties);
            wire.put("required", new LinkedHashSet<>(list(schema.get("required"))));
        }
        return wire;
    }

    /** The JSON form Jackson gives a record component, as {@link #wireType} reports it. */
    private static Map<String, Object> expectedWireType(RecordComponent component) {
        if (component.getType() == BigDecimal.class) {
            JsonFormat format = component.getAccessor().getAnnotation(JsonFormat.class);
            if (format == null || format.shape() != JsonFormat.Shape.STRING) {
                return fail("%s: money and other decimals go on the wire as strings (@JsonFormat(shape = STRING))",
                        component);
            }
            return new LinkedHashMap<>(Map.of("type", "string", "format", "decimal"));
        }
        if (List.class.isAssignableFrom(component.getType())
                && component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element) {
            Map<String, Object> wire = new LinkedHashMap<>();
            wire.put("type", "array");
            wire.put("items", expectedWireType(element));
            return wire;
        }
        return expectedWireType(component.getType());
    }

    /** The JSON form Jackson gives a value of this type, as {@link #wireType} reports it. */
    private static Map<String, Object> expectedWireType(Class<?> type) {
        Map<String, Object> wire = new LinkedHashMap<>();
        if (type.isRecord()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            Set<Object> required = new LinkedHashSet<>();
            for (RecordComponent component : type.getRecordComponents()) {
                properties.put(component.getName(), expectedWireType(component));
                if (!isNullable(component)) {
                    required.add(component.getName());
                }
            }
            wire.put("type", "object");
            wire.put("properties", properties);
            wire.put("required", required);
        }
        else if (type == String.class) {
            wire.put("type", "string");
        }
        else if (type == Instant.class) {
            wire.put("type", "string");
            wire.put("format", "date-time");
        }
        else if (type == boolean.class || type == Boolean.class) {
            wire.put("type", "boolean");
        }
        else if (Stream.of(int.class, Integer.class, long.class, Long.class).anyMatch(type::equals)) {
            wire.put("type", "integer");
        }
        else if (type.isEnum()) {
            wire.put("type", "string");
            wire.put("enum", publishedEnumValues(type));
        }
        else {
            return fail("teach AsyncApiCatalogueTest the wire type of %s", type.getName());
        }
        return wire;
    }

    /** The values an enum is written as, without the fallback a reader uses for values it does not know. */
    private static List<Object> publishedEnumValues(Class<?> enumType) {
        List<Object> values = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            Field field;
            try {
                field = enumType.getField(name);
            }
            catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
            if (field.isAnnotationPresent(JsonEnumDefaultValue.class)) {
                continue;
            }
            JsonProperty property = field.getAnnotation(JsonProperty.class);
            values.add(property != null ? property.value() : name);
        }
        return values;
    }
}
