package org.conferenceops.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.Supplier;
import org.conferenceops.infra.issuer.DevTokenIssuer;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.infra.kafka.KraftBroker;
import org.conferenceops.infra.mail.MailServer;
import org.conferenceops.infra.mongo.EmbeddedMongo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The one entry point tests use for infrastructure. Each component starts on first use and lives as long as the
 * test JVM, so every Spring context of the JVM (and Spring's context cache) shares one broker and one MongoDB.
 *
 * <p>Where each comes from, in this order: an address in the environment ({@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code MONGODB_URI}); a Testcontainers container when a Docker engine answers; otherwise a real server embedded in
 * the JVM (KRaft broker from the Apache jars, MongoDB wire-protocol server). {@code CONFERENCE_OPS_TEST_INFRA=embedded}
 * skips the Docker probe. SMTP (GreenMail) and the token issuer are always embedded, because tests read the
 * inbox and mint tokens.
 */
public final class TestInfrastructure {

    /** Where a component runs. */
    public enum Kind {
        /** An address given in the environment. */
        EXTERNAL,
        /** A Testcontainers container. */
        CONTAINER,
        /** A server embedded in the test JVM. */
        EMBEDDED
    }

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final TestInfrastructure INSTANCE = new TestInfrastructure();

    private final Lazy<Endpoint> kafka = new Lazy<>(this::startKafka);
    private final Lazy<Endpoint> mongo = new Lazy<>(this::startMongo);
    private final Lazy<MailServer> mail = new Lazy<>(() -> MailServer.builder().smtpPort(0).httpPort(0).build().start());
    private final Lazy<DevTokenIssuer> issuer = new Lazy<>(() -> DevTokenIssuer.builder().port(0).build().start());
    private final Lazy<Boolean> docker = new Lazy<>(TestInfrastructure::probeDocker);

    private TestInfrastructure() {
    }

    public static TestInfrastructure get() {
        return INSTANCE;
    }

    public String kafkaBootstrapServers() {
        return kafka.get().address();
    }

    public Kind kafkaKind() {
        return kafka.get().kind();
    }

    public String mongoUri() {
        return mongo.get().address();
    }

    public Kind mongoKind() {
        return mongo.get().kind();
    }

    /** The SMTP server every service sends to, with its readable inbox. */
    public MailServer mail() {
        return mail.get();
    }

    /** The token issuer whose JWKS every service trusts in tests. */
    public DevTokenIssuer issuer() {
        return issuer.get();
    }

    /** A signed access token, e.g. {@code token(TokenRequest.organizer())}. */
    public String token(TokenRequest request) {
        return issuer().mint(request);
    }

    private Endpoint startKafka() {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            return new Endpoint(external, Kind.EXTERNAL);
        }
        if (docker.get()) {
            KafkaContainer container = new KafkaContainer("apache/kafka-native:3.8.0");
            container.start();
            return new Endpoint(container.getBootstrapServers(), Kind.CONTAINER);
        }
        try {
            KraftBroker broker = KraftBroker.builder().port(0).controllerPort(0)
                    .logDir(Files.createTempDirectory("test-kafka")).build().start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-stop"));
            log.info("Test Kafka: embedded KRaft broker at {}", broker.bootstrapServers());
            return new Endpoint(broker.bootstrapServers(), Kind.EMBEDDED);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Endpoint startMongo() {
        String external = System.getenv("MONGODB_URI");
        if (external != null && !external.isBlank()) {
            return new Endpoint(external, Kind.EXTERNAL);
        }
        if (docker.get()) {
            MongoDBContainer container = new MongoDBContainer("mongo:7.0").withReplicaSet();
            container.start();
            return new Endpoint(container.getConnectionString(), Kind.CONTAINER);
        }
        EmbeddedMongo server = EmbeddedMongo.builder().inMemory().port(0).build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-mongo-stop"));
        log.info("Test MongoDB: embedded wire-protocol server at {}", server.connectionString());
        return new Endpoint(server.connectionString(), Kind.EMBEDDED);
    }

    private static boolean probeDocker() {
        if ("embedded".equalsIgnoreCase(System.getenv("CONFERENCE_OPS_TEST_INFRA"))) {
            return false;
        }
        try {
            boolean available = DockerClientFactory.instance().isDockerAvailable();
            log.info("Docker engine {}: {}", available ? "found" : "not found",
                    available ? "using Testcontainers" : "using embedded servers");
            return available;
        }
        catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private record Endpoint(String address, Kind kind) {
    }

    /** A value computed once, on first use, by whichever thread gets there first. */
    private static final class Lazy<T> implements Supplier<T> {

        private final Supplier<T> factory;
        private volatile @Nullable T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        @Override
        public T get() {
            T current = value;
            if (current == null) {
                synchronized (this) {
                    current = value;
                    if (current == null) {
                        current = factory.get();
                        value = current;
                    }
                }
            }
            return current;
        }
    }
}
