package org.conferenceops.infra.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.conferenceops.infra.Ports;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft combined mode (broker and controller in one node), run inside
 * this JVM from the Apache jars.
 *
 * <p>Storage is formatted on the first start only, so a persistent {@linkplain Builder#logDir(Path) log directory}
 * keeps topics, offsets and committed consumer positions between runs. Without one, a temporary directory is
 * used and deleted by {@link #close()}. Ports given as 0 are chosen once, at the first start, and kept: the broker
 * can be {@linkplain #stop() stopped} and {@linkplain #start() started} again on the same address and the same data,
 * which is what "broker down, then back" tests need.
 *
 * <p>Defaults suit one machine: replication factors of 1, auto-created topics with {@value #DEFAULT_PARTITIONS}
 * partitions, no initial rebalance delay, and a small log-cleaner buffer so a small heap is enough.
 */
public final class KraftBroker implements AutoCloseable {

    /** Partitions of an auto-created topic unless {@link Builder#numPartitions(int)} says otherwise. */
    public static final int DEFAULT_PARTITIONS = 3;

    private static final Logger log = LoggerFactory.getLogger(KraftBroker.class);
    private static final String META_PROPERTIES = "meta.properties";
    private static final int NODE_ID = 1;

    private final String host;
    private final int requestedPort;
    private final int requestedControllerPort;
    private final @Nullable Path requestedLogDir;
    private final int numPartitions;
    private final Map<String, String> overrides;

    private int port;
    private int controllerPort;
    private @Nullable Path logDir;
    private boolean temporaryLogDir;
    private @Nullable KafkaRaftServer server;
    private @Nullable Duration lastStartDuration;

    private KraftBroker(Builder builder) {
        this.host = builder.host;
        this.requestedPort = builder.port;
        this.requestedControllerPort = builder.controllerPort;
        this.requestedLogDir = builder.logDir;
        this.numPartitions = builder.numPartitions;
        this.overrides = Map.copyOf(builder.overrides);
    }

    /** A builder with loopback, free ports, a temporary log directory and {@value #DEFAULT_PARTITIONS} partitions. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Formats the storage if it has never been formatted, then starts the broker and returns once it accepts
     * clients. Does nothing if the broker is already running.
     *
     * @return this broker
     * @throws IllegalStateException if Kafka refuses to format or start (a port in use, a locked log directory)
     */
    public synchronized KraftBroker start() {
        if (server != null) {
            return this;
        }
        long started = System.nanoTime();
        Path dir = prepareLogDir();
        if (port == 0) {
            port = Ports.resolve(host, requestedPort);
            controllerPort = Ports.resolve(host, requestedControllerPort);
        }
        Properties properties = brokerProperties(dir);
        formatIfNeeded(dir, properties);
        KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        try {
            raftServer.startup();
        }
        catch (RuntimeException e) {
            shutDownQuietly(raftServer);
            throw new IllegalStateException("Kafka broker did not start on " + bootstrapServers() + ": " + e.getMessage(), e);
        }
        server = raftServer;
        lastStartDuration = Duration.ofNanos(System.nanoTime() - started);
        log.info("Kafka broker (KRaft) ready on {} in {} ms, data in {}", bootstrapServers(),
                lastStartDuration.toMillis(), dir);
        return this;
    }

    /**
     * Shuts the broker down and waits until it has released its ports and log directory. The data and the chosen
     * ports are kept for a later {@link #start()}. Does nothing if the broker is not running.
     */
    public synchronized void stop() {
        KafkaRaftServer running = server;
        if (running == null) {
            return;
        }
        server = null;
        long stopping = System.nanoTime();
        running.shutdown();
        running.awaitShutdown();
        log.info("Kafka broker on {} stopped in {} ms", bootstrapServers(),
                Duration.ofNanos(System.nanoTime() - stopping).toMillis());
    }

    /** Stops the broker and deletes its log directory if it was a temporary one. */
    @Override
    public synchronized void close() {
        stop();
        Path dir = logDir;
        if (temporaryLogDir && dir != null) {
            deleteRecursively(dir);
            logDir = null;
            temporaryLogDir = false;
        }
    }

    /** Whether the broker is running. */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The {@code bootstrap.servers} value for clients, e.g. {@code 127.0.0.1:19092}; known after the first start. */
    public synchronized String bootstrapServers() {
        return host + ":" + port();
    }

    /** The client port; after the first start the chosen one, before it the requested one (0 = not yet chosen). */
    public synchronized int port() {
        return port != 0 ? port : requestedPort;
    }

    /** The controller (KRaft quorum) port, chosen like {@link #port()}. */
    public synchronized int controllerPort() {
        return controllerPort != 0 ? controllerPort : requestedControllerPort;
    }

    /** The host the broker binds to and advertises. */
    public String host() {
        return host;
    }

    /** The log directory in use; a temporary directory is only known after the first start. */
    public synchronized @Nullable Path logDir() {
        return logDir != null ? logDir : requestedLogDir;
    }

    /** How long the last {@link #start()} took, formatting included; null before the first start. */
    public synchronized @Nullable Duration lastStartDuration() {
        return lastStartDuration;
    }

    private Path prepareLogDir() {
        try {
            if (logDir == null) {
                if (requestedLogDir != null) {
                    logDir = Files.createDirectories(requestedLogDir);
                }
                else {
                    logDir = Files.createTempDirectory("kraft-broker-");
                    temporaryLogDir = true;
                }
            }
            return logDir;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka log directory " + requestedLogDir, e);
        }
    }

    private Properties brokerProperties(Path dir) {
        String controller = host + ":" + controllerPort;
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", Integer.toString(NODE_ID));
        // static voters, not a dynamic quorum: a dynamic one records the controller's address in the formatted
        // metadata, which would tie the data directory to the first controller port forever
        settings.put("controller.quorum.voters", NODE_ID + "@" + controller);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + controller);
        settings.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", dir.toAbsolutePath().toString());
        settings.put("num.partitions", Integer.toString(numPartitions));
        settings.put("auto.create.topics.enable", "true");
        settings.put("default.replication.factor", "1");
        settings.put("min.insync.replicas", "1");
        settings.put("offsets.topic.replication.factor", "1");
        // 50 partitions (the default) make the first consumer group on a fresh broker wait noticeably
        settings.put("offsets.topic.num.partitions", "5");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "5");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        // the 128 MiB default is allocated on the heap when the cleaner starts and fails a small -Xmx
        settings.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        settings.put("num.network.threads", "2");
        settings.put("num.io.threads", "2");
        settings.put("num.recovery.threads.per.data.dir", "1");
        settings.put("log.cleaner.threads", "1");
        settings.putAll(overrides);
        Properties properties = new Properties();
        properties.putAll(settings);
        return properties;
    }

    private static void formatIfNeeded(Path dir, Properties properties) {
        if (Files.exists(dir.resolve(META_PROPERTIES))) {
            return;
        }
        Path configFile = null;
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            configFile = Files.createTempFile("kraft-format-", ".properties");
            try (OutputStream out = Files.newOutputStream(configFile)) {
                properties.store(out, "used once to format " + dir);
            }
            String[] arguments = {"format", "--config", configFile.toString(), "--cluster-id",
                    Uuid.randomUuid().toString(), "--ignore-formatted"};
            int exitCode;
            // execute() reports through the stream and its return value; main() would exit the JVM
            try (PrintStream stream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                exitCode = StorageTool.execute(arguments, stream);
            }
            String report = output.toString(StandardCharsets.UTF_8).strip();
            if (exitCode != 0) {
                throw new IllegalStateException("formatting Kafka storage in " + dir + " failed (" + exitCode + "): " + report);
            }
            log.debug("Formatted Kafka storage: {}", report);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot format Kafka storage in " + dir, e);
        }
        catch (IllegalStateException e) {
            throw e;
        }
        catch (RuntimeException e) {
            // StorageTool reports bad configuration with Kafka's own checked-as-unchecked exceptions
            throw new IllegalStateException("formatting Kafka storage in " + dir + " failed: " + e.getMessage()
                    + " " + output.toString(StandardCharsets.UTF_8).strip(), e);
        }
        finally {
            if (configFile != null) {
                try {
                    Files.deleteIfExists(configFile);
                }
                catch (IOException ignored) {
                    // a leftover file in the temp directory is harmless
                }
            }
        }
    }

    private static void shutDownQuietly(KafkaRaftServer raftServer) {
        try {
            raftServer.shutdown();
            raftServer.awaitShutdown();
        }
        catch (RuntimeException e) {
            log.debug("Kafka broker shutdown after a failed start also failed", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete temporary Kafka log directory {}: {}", dir, e.getMessage());
        }
    }

    /** Settings for a {@link KraftBroker}. */
    public static final class Builder {

        private String host = Ports.LOOPBACK;
        private int port;
        private int controllerPort;
        private @Nullable Path logDir;
        private int numPartitions = DEFAULT_PARTITIONS;
        private final Map<String, String> overrides = new LinkedHashMap<>();

        private Builder() {
        }

        /** The address to bind and advertise; loopback by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** The client (PLAINTEXT) port; 0, the default, picks a free one at the first start. */
        public Builder port(int port) {
            this.port = checkPort(port);
            return this;
        }

        /** The KRaft controller port; 0, the default, picks a free one at the first start. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = checkPort(controllerPort);
            return this;
        }

        /** A persistent log directory: formatted on first use, reused as is afterwards. */
        public Builder logDir(Path logDir) {
            this.logDir = Objects.requireNonNull(logDir);
            return this;
        }

        /** Partitions of auto-created topics. */
        public Builder numPartitions(int numPartitions) {
            if (numPartitions < 1) {
                throw new IllegalArgumentException("numPartitions must be at least 1: " + numPartitions);
            }
            this.numPartitions = numPartitions;
            return this;
        }

        /** Any other broker setting; applied last, so it also overrides the defaults described on the class. */
        public Builder property(String name, String value) {
            overrides.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /** A broker with these settings, not yet started. */
        public KraftBroker build() {
            return new KraftBroker(this);
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            return port;
        }
    }
}
