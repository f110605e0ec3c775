package org.conferenceops.bench.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.conferenceops.bench.Api;
import org.conferenceops.bench.StackEndpoints;

/**
 * The stack the suite breaks: Kafka, MongoDB (wire-protocol server on an H2 file), SMTP + inbox with the dev token
 * issuer, and each service from its executable jar, every one a child JVM of this one so it can be killed, paused
 * and restarted by pid. Stopped in reverse order by {@link #close()}.
 */
public final class ChaosStack implements AutoCloseable {

    /** Names of the infrastructure processes. */
    public static final String KAFKA = "kafka";
    public static final String MONGO = "mongodb";
    public static final String MAIL_ISSUER = "mail-issuer";

    private static final String HOST = "127.0.0.1";
    private static final Duration SERVICE_READY = Duration.ofSeconds(240);

    /**
     * Where everything runs.
     *
     * @param home the repository root (services' jars are {@code <home>/<service>/target/*-exec.jar})
     * @param dataDir Kafka's log, the H2 file, the issuer key and the logs
     * @param services service name → HTTP port, in start order
     */
    public record Settings(Path home, Path dataDir, int kafkaPort, int kafkaControllerPort, int mongoPort,
            int smtpPort, int inboxPort, int issuerPort, Map<String, Integer> services) {

        public Settings {
            services = new LinkedHashMap<>(services);
        }
    }

    private final Settings settings;
    private final Consumer<String> progress;
    private final Map<String, ChildProcess> processes = new LinkedHashMap<>();
    private final Api api = new Api(Duration.ofSeconds(5));

    private ChaosStack(Settings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Starts every component and waits until all are ready; stops what started if one is not. */
    public static ChaosStack start(Settings settings, Consumer<String> progress) {
        ChaosStack stack = new ChaosStack(settings, progress);
        try {
            stack.startAll();
            return stack;
        }
        catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        Path data = settings.dataDir();
        String classPath = System.getProperty("java.class.path");
        add(KAFKA, infrastructure(classPath, "256m", KAFKA, Integer.toString(settings.kafkaPort()),
                Integer.toString(settings.kafkaControllerPort()), data.resolve("kafka").toString()));
        add(MONGO, infrastructure(classPath, "256m", "mongo", Integer.toString(settings.mongoPort()),
                data.resolve("mongo.mv").toString()));
        add(MAIL_ISSUER, infrastructure(classPath, "128m", MAIL_ISSUER, Integer.toString(settings.smtpPort()),
                Integer.toString(settings.inboxPort()), Integer.toString(settings.issuerPort()),
                data.resolve("issuer-key.json").toString()));
        for (String name : List.of(KAFKA, MONGO, MAIL_ISSUER)) {
            processes.get(name).start();
            progress.accept("  started " + name + " as pid " + processes.get(name).pid());
        }
        awaitKafka(Duration.ofSeconds(90));
        await(MONGO, Duration.ofSeconds(60), () -> tcpOpen(settings.mongoPort()));
        await(MAIL_ISSUER, Duration.ofSeconds(60), () -> api.get(inbox().resolve("/messages"), null).ok()
                && api.get(URI.create(issuer() + "/jwks"), null).ok());
        settings.services().forEach((name, port) -> {
            add(name, serviceCommand(name, port));
            processes.get(name).start();
            progress.accept("  started " + name + " as pid " + processes.get(name).pid() + " (log "
                    + processes.get(name).logFile() + ")");
        });
        for (String name : settings.services().keySet()) {
            try {
                awaitReady(name, SERVICE_READY);
            }
            catch (IllegalStateException e) {
                // the jar may have been half-written by a build at the moment it was copied: copy and start again
                progress.accept("  " + name + " did not start (" + e.getMessage() + "); trying once more");
                snapshotJar(name);
                processes.get(name).start();
                awaitReady(name, SERVICE_READY);
            }
        }
    }

    /** The addresses, as the bench's other commands know them. */
    public StackEndpoints endpoints() {
        return new StackEndpoints(serviceUri("registration-service"), serviceUri("session-service"),
                serviceUri("pledge-service"), serviceUri("notification-service"), URI.create(issuer() + "/token"),
                inbox(), kafkaBootstrapServers(), null);
    }

    public String kafkaBootstrapServers() {
        return HOST + ":" + settings.kafkaPort();
    }

    public URI inbox() {
        return URI.create("http://" + HOST + ":" + settings.inboxPort());
    }

    /** The services this stack runs. */
    public List<String> services() {
        return List.copyOf(settings.services().keySet());
    }

    /** A component by name ({@link #KAFKA}, {@link #MONGO}, {@link #MAIL_ISSUER} or a service). */
    public ChildProcess process(String name) {
        ChildProcess process = processes.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no " + name + " in this stack");
        }
        return process;
    }

    public URI serviceUri(String name) {
        Integer port = settings.services().get(name);
        // a service this stack does not run answers nowhere (port 9 is discard)
        return URI.create("http://" + HOST + ":" + (port == null ? 9 : port));
    }

    /** Starts a component again after a kill and waits until it is ready; returns how long that took. */
    public Duration restart(String name) {
        long begin = System.nanoTime();
        ChildProcess process = process(name).start();
        progress.accept("  restarted " + name + " as pid " + process.pid());
        switch (name) {
            case KAFKA -> awaitKafka(Duration.ofSeconds(90));
            case MONGO -> await(MONGO, Duration.ofSeconds(60), () -> tcpOpen(settings.mongoPort()));
            case MAIL_ISSUER -> await(MAIL_ISSUER, Duration.ofSeconds(60),
                    () -> api.get(inbox().resolve("/messages"), null).ok());
            default -> awaitReady(name, SERVICE_READY);
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** Waits until a service answers 200 on its readiness probe. */
    public void awaitReady(String name, Duration timeout) {
        URI readiness = serviceUri(name).resolve("/actuator/health/readiness");
        await(name, timeout, () -> api.get(readiness, null).status() == 200);
        progress.accept("  " + name + " ready");
    }

    /** Whether the service answers 200 on its readiness probe now. */
    public boolean isReady(String name) {
        return api.get(serviceUri(name).resolve("/actuator/health/readiness"), null).status() == 200;
    }

    private void awaitKafka(Duration timeout) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(properties)) {
            await(KAFKA, timeout, () -> {
                try {
                    return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
                }
                catch (Exception e) {
                    return false;
                }
            });
        }
    }

    private void await(String name, Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ChildProcess process = processes.get(name);
        while (!ready.getAsBoolean()) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + process.logFile());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready within " + timeout.toSeconds() + " s; see "
                        + (process != null ? process.logFile() : "its log"));
            }
            Pause.millis(250);
        }
    }

    private void add(String name, List<String> command) {
        processes.put(name, new ChildProcess(name, command, settings.dataDir().resolve("logs").resolve(name + ".log"),
                settings.home()));
    }

    private String issuer() {
        return "http://" + HOST + ":" + settings.issuerPort();
    }

    private static List<String> infrastructure(String classPath, String heap, String... args) {
        List<String> command = new ArrayList<>(jvm(heap));
        command.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classPath,
                InfrastructureProcess.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private List<String> serviceCommand(String name, int port) {
        List<String> command = new ArrayList<>(jvm("384m"));
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-jar");
        command.add(snapshotJar(name).toString());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", Integer.toString(port));
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
        properties.put("spring.mongodb.uri", "mongodb://" + HOST + ":" + settings.mongoPort());
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer() + "/jwks");
        properties.put("conference-ops.security.issuer", issuer());
        properties.put("spring.mail.host", HOST);
        properties.put("spring.mail.port", Integer.toString(settings.smtpPort()));
        properties.put("conference-ops.local-stack", "true");
        properties.put("conference-ops.demo-data", "false");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.org.apache.kafka", "WARN");
        properties.put("logging.level.kafka", "WARN");
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        return command;
    }

    private static List<String> jvm(String heap) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the marker makes the suite's processes visible to `pgrep -f local-stack`, which engineers check before
        // starting a stack on the same ports
        List<String> command = new ArrayList<>(List.of(java, "-Dconference-ops.stack=local-stack-chaos",
                "-Xmx" + heap, "-XX:+UseSerialGC", "-Xss512k"));
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        return command;
    }

    /**
     * Copies the service's executable jar into the data directory, so that a build running meanwhile (other
     * engineers, CI) cannot change or remove what a restart starts.
     */
    private Path snapshotJar(String service) {
        Path copy = settings.dataDir().resolve("jars").resolve(service + ".jar");
        try {
            Files.createDirectories(copy.getParent());
            Files.copy(executableJar(service), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return copy;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot copy the jar of " + service, e);
        }
    }

    private Path executableJar(String service) {
        Path target = settings.home().resolve(service).resolve("target");
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(target, "*-exec.jar")) {
                found.forEach(jars::add);
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot list " + target, e);
            }
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("no executable jar in " + target + "; build it first: ./mvnw -DskipTests "
                    + "install -pl " + service + " -am");
        }
        jars.sort(null);
        return jars.getLast();
    }

    private static boolean tcpOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 1000);
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }

    /** Stops the services, then the infrastructure (reverse start order); resumes a paused one first. */
    @Override
    public void close() {
        List<ChildProcess> reverse = new ArrayList<>(processes.values()).reversed();
        for (ChildProcess process : reverse) {
            try {
                process.close();
            }
            catch (RuntimeException e) {
                process.kill();
            }
        }
    }
}
