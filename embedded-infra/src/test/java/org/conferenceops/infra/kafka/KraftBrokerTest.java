package org.conferenceops.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.conferenceops.infra.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KraftBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void brokerKeepsMessagesAcrossRestartOnSamePort() throws Exception {
        String topic = "restart-" + UUID.randomUUID();
        try (KraftBroker broker = KraftBroker.builder().logDir(dataDir.resolve("kafka")).build().start()) {
            int port = broker.port();
            int controllerPort = broker.controllerPort();
            assertThat(port).isPositive();
            assertThat(broker.lastStartDuration()).isNotNull();

            produce(broker.bootstrapServers(), topic, "before-restart");
            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            assertThat(Ports.isFree(broker.host(), port)).isTrue();

            broker.start();
            assertThat(broker.port()).isEqualTo(port);
            assertThat(broker.controllerPort()).isEqualTo(controllerPort);
            produce(broker.bootstrapServers(), topic, "after-restart");

            assertThat(consume(broker.bootstrapServers(), topic, 2)).containsExactly("before-restart", "after-restart");
        }
    }

    @Test
    void secondBrokerOnTheSameLogDirectoryReusesItsDataWithoutReformatting() throws Exception {
        Path logDir = dataDir.resolve("kafka");
        String topic = "reuse-" + UUID.randomUUID();
        try (KraftBroker first = KraftBroker.builder().logDir(logDir).build().start()) {
            produce(first.bootstrapServers(), topic, "kept");
        }
        String clusterIdLine = clusterIdLine(logDir);

        try (KraftBroker second = KraftBroker.builder().logDir(logDir).build().start()) {
            assertThat(consume(second.bootstrapServers(), topic, 1)).containsExactly("kept");
        }
        assertThat(clusterIdLine(logDir)).isEqualTo(clusterIdLine);
    }

    @Test
    void autoCreatedTopicsGetTheConfiguredNumberOfPartitions() throws Exception {
        String topic = "partitions-" + UUID.randomUUID();
        try (KraftBroker broker = KraftBroker.builder().numPartitions(2).build().start();
                KafkaProducer<String, String> producer = producer(broker.bootstrapServers())) {
            producer.send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS);

            assertThat(producer.partitionsFor(topic)).hasSize(2);
            assertThat(broker.logDir()).isNotNull();
        }
    }

    @Test
    void brokerRefusesToStartOnAPortInUseAndCanStartOnceItIsFree() throws Exception {
        int port;
        KraftBroker broker;
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName(Ports.LOOPBACK), 0));
            port = taken.getLocalPort();
            broker = KraftBroker.builder().port(port).build();

            assertThatThrownBy(broker::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + port);
            assertThat(broker.isRunning()).isFalse();
        }
        try (broker) {
            broker.start();
            produce(broker.bootstrapServers(), "after-port-freed-" + UUID.randomUUID(), "ok");
            assertThat(broker.port()).isEqualTo(port);
        }
    }

    @Test
    void temporaryLogDirectoryIsDeletedOnClose() {
        KraftBroker broker = KraftBroker.builder().build().start();
        Path logDir = broker.logDir();
        assertThat(logDir).isNotNull().exists();

        broker.close();

        assertThat(logDir).doesNotExist();
    }

    private static String clusterIdLine(Path logDir) throws Exception {
        return Files.readAllLines(logDir.resolve("meta.properties")).stream()
                .filter(line -> line.startsWith("cluster.id="))
                .findFirst()
                .orElseThrow();
    }

    private static void produce(String bootstrapServers, String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = producer(bootstrapServers)) {
            // one key, so one partition, so the consumer sees the values in the order they were sent
            producer.send(new ProducerRecord<>(topic, "key", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                new StringSerializer(), new StringSerializer());
    }

    private static List<String> consume(String bootstrapServers, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ZERO).untilAsserted(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                assertThat(values).hasSize(expected);
            });
        }
        return values;
    }
}
