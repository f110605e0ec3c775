package org.conferenceops.bench.chaos;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.conferenceops.bench.Api;
import org.conferenceops.bench.Tokens;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * What the invariants are read from, from outside the services: Kafka topics with a plain consumer, consumer lag
 * with the admin client, the services' {@code /actuator/prometheus} and {@code /actuator/deadletters}, and the
 * SMTP inbox.
 */
public final class StackProbe implements AutoCloseable {

    private static final Pattern BACKLOG = Pattern.compile("^outbox_backlog_events(?:\\{[^}]*})? ([0-9.eE+-]+)$",
            Pattern.MULTILINE);

    private final String kafka;
    private final @Nullable URI inbox;
    private final Api api = new Api(Duration.ofSeconds(10));
    private final Tokens tokens;
    private final Admin admin;
    private @Nullable KafkaProducer<byte[], byte[]> producer;

    /**
     * One record read back from a topic.
     *
     * @param event the record value parsed as JSON (a missing node when it is not JSON)
     * @param reason the dead-letter reason header ({@code x-exception-message}), for DLQ records
     */
    public record Record(String topic, int partition, long offset, @Nullable String key, String value, JsonNode event,
            @Nullable String reason) {

        public @Nullable String id() {
            return text("id");
        }

        public @Nullable String type() {
            return text("type");
        }

        public long aggregateVersion() {
            return event.path("aggregateversion").asLong(-1);
        }

        private @Nullable String text(String field) {
            JsonNode node = event.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }
    }

    /** A probe of Kafka, the services and the SMTP inbox ({@code inbox} null: a relay elsewhere, not readable). */
    public StackProbe(String kafkaBootstrapServers, @Nullable URI inbox, URI tokenUri) {
        this.kafka = kafkaBootstrapServers;
        this.inbox = inbox;
        this.tokens = new Tokens(api, tokenUri);
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        this.admin = Admin.create(properties);
    }

    public Tokens tokens() {
        return tokens;
    }

    // --- topics ---------------------------------------------------------------------------------------------

    /** The end offset of every partition of {@code topic} (empty when the topic does not exist yet). */
    public Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }

    /** Every record of {@code topic} after {@code from} (partitions missing there are read from the start). */
    public List<Record> read(String topic, Map<TopicPartition, Long> from) {
        List<Record> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            if (partitions.isEmpty()) {
                return records;
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(from.getOrDefault(partition, 0L), beginning.get(partition)));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(toRecord(record));
                    }
                }
            }
        }
        return records;
    }

    /** Sends raw bytes to a topic with a plain producer and waits for the broker's acknowledgement. */
    public void produce(String topic, @Nullable String key, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                    value)).get(30, TimeUnit.SECONDS);
        }
        catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic + ": " + e.getMessage(), e);
        }
    }

    // --- lag and backlog ------------------------------------------------------------------------------------

    /**
     * Consumer lag of the services' groups (one per service, named after it), summed over partitions; a group with
     * nothing committed yet counts its whole topic.
     */
    public Map<String, Long> consumerLag(List<String> groups) {
        Map<String, Long> lag = new LinkedHashMap<>();
        try {
            List<String> existing = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).toList();
            for (String group : groups) {
                if (!existing.contains(group)) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                        .get(10, TimeUnit.SECONDS);
                long total = 0;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                    long done = entry.getValue() == null ? 0 : entry.getValue().offset();
                    total += Math.max(0, ends.get(entry.getKey()).offset() - done);
                }
                lag.put(group, total);
            }
        }
        catch (Exception e) {
            throw new IllegalStateException("cannot read consumer lag: " + e.getMessage(), e);
        }
        return lag;
    }

    /** {@code outbox_backlog_events} of a service, or -1 when it does not answer. */
    public long outboxBacklog(URI service) {
        // the Prometheus text format: the endpoint refuses the JSON the other calls accept
        Api.Response response = api.send("GET", service.resolve("/actuator/prometheus"), null, null,
                Map.of("Accept", "text/plain;version=0.0.4"));
        if (response.status() != 200) {
            return -1;
        }
        Matcher matcher = BACKLOG.matcher(response.raw());
        long total = 0;
        while (matcher.find()) {
            total += (long) Double.parseDouble(matcher.group(1));
        }
        return total;
    }

    /** {@code GET /actuator/deadletters} with an OPS token: waiting count and sample reasons. */
    public JsonNode deadLetters(URI service) {
        Api.Response response = api.get(service.resolve("/actuator/deadletters"), tokens.ops());
        return response.ok() ? response.body() : MissingNode.getInstance();
    }

    // --- inbox ----------------------------------------------------------------------------------------------

    private URI inbox() {
        if (inbox == null) {
            throw new IllegalStateException("no SMTP inbox known to this probe");
        }
        return inbox;
    }

    /** The messages in the SMTP inbox addressed to {@code address}. */
    public List<JsonNode> messagesTo(String address) {
        Api.Response response = api.get(inbox().resolve("/messages?to="
                + URLEncoder.encode(address, StandardCharsets.UTF_8)), null);
        List<JsonNode> messages = new ArrayList<>();
        response.body().forEach(messages::add);
        return messages;
    }

    /** Every message in the inbox. */
    public List<JsonNode> messages() {
        List<JsonNode> messages = new ArrayList<>();
        api.get(inbox().resolve("/messages"), null).body().forEach(messages::add);
        return messages;
    }

    // --- plumbing -------------------------------------------------------------------------------------------

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(properties);
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            producer = new KafkaProducer<>(properties);
        }
        return producer;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.listTopics(Duration.ofSeconds(10)).getOrDefault(topic, List.of()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private static Record toRecord(ConsumerRecord<byte[], byte[]> record) {
        String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        JsonNode event;
        try {
            event = value.isBlank() ? MissingNode.getInstance() : Api.JSON.readTree(value);
        }
        catch (RuntimeException e) {
            event = MissingNode.getInstance();
        }
        Header reason = record.headers().lastHeader("x-exception-message");
        return new Record(record.topic(), record.partition(), record.offset(),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), value,
                event == null ? MissingNode.getInstance() : event,
                reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
