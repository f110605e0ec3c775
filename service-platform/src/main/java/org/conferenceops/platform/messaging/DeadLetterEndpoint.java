package org.conferenceops.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.security.access.AccessDeniedException;

/**
 * {@code /actuator/deadletters}: how many records wait in this service's dead-letter topic, what their reasons
 * are, and a replay that sends them back to the topic they came from (header {@code x-original-topic}, written by
 * the binder) once the cause is fixed. Replayed events reach every consumer group of that topic again, which is
 * safe because every consumer is idempotent. Progress is kept in the consumer group
 * {@code <service>.dlq-replay}, so a record is replayed once. OPS role required.
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    static final String ORIGINAL_TOPIC = "x-original-topic";
    static final String EXCEPTION_MESSAGE = "x-exception-message";
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaProperties kafka;
    private final String topic;
    private final String group;

    public DeadLetterEndpoint(KafkaProperties kafka, String topic, String service) {
        this.kafka = kafka;
        this.topic = topic;
        this.group = service + ".dlq-replay";
    }

    /** The dead-letter topic, how many records wait in it, and the reasons of up to 20 of them. */
    @ReadOperation
    public Map<String, Object> summary(SecurityContext security) {
        requireOps(security);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            long waiting = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                long from = done == null ? consumer.beginningOffsets(List.of(partition)).get(partition) : done.offset();
                consumer.seek(partition, from);
                waiting += end.get(partition) - from;
            }
            List<Map<String, Object>> samples = new java.util.ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (samples.size() == 20) {
                    break;
                }
                samples.add(describe(record));
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("topic", topic);
            result.put("waiting", waiting);
            result.put("samples", samples);
            return result;
        }
    }

    /**
     * Replays up to {@code max} (default 1,000) waiting records to their original topics.
     *
     * @return how many were replayed and how many remain
     */
    @WriteOperation
    public Map<String, Object> replay(SecurityContext security, @Nullable Integer max) {
        requireOps(security);
        int limit = max == null ? 1000 : max;
        int replayed = 0;
        int skipped = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(); KafkaProducer<byte[], byte[]> producer = producer()) {
            consumer.subscribe(List.of(topic));
            int emptyPolls = 0;
            while (replayed + skipped < limit && emptyPolls < 3) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    emptyPolls++;
                    continue;
                }
                emptyPolls = 0;
                Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (replayed + skipped == limit) {
                        break;
                    }
                    String original = header(record, ORIGINAL_TOPIC);
                    if (original == null) {
                        skipped++;
                    }
                    else {
                        ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(original, record.key(), record.value());
                        again.headers().add("x-replayed-from", topic.getBytes(StandardCharsets.UTF_8));
                        producer.send(again).get();
                        replayed++;
                    }
                    progress.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
                consumer.commitSync(progress);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        }
        catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("replay stopped: the broker did not accept a record", e);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("topic", topic);
        result.put("replayed", replayed);
        result.put("skippedWithoutOriginalTopic", skipped);
        return result;
    }

    private static void requireOps(SecurityContext security) {
        if (!security.isUserInRole("OPS")) {
            throw new AccessDeniedException("the OPS role is required");
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private static Map<String, Object> describe(ConsumerRecord<byte[], byte[]> record) {
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("partition", record.partition());
        sample.put("offset", record.offset());
        sample.put("originalTopic", header(record, ORIGINAL_TOPIC));
        sample.put("reason", header(record, EXCEPTION_MESSAGE));
        return sample;
    }

    private static @Nullable String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config);
    }
}
