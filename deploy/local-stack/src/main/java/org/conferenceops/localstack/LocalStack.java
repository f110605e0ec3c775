package org.conferenceops.localstack;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.conferenceops.infra.issuer.DevTokenIssuer;
import org.conferenceops.infra.kafka.KraftBroker;
import org.conferenceops.infra.mail.MailServer;
import org.conferenceops.infra.mongo.EmbeddedMongo;
import org.jspecify.annotations.Nullable;

/**
 * Starts Conference Ops on loopback for a developer: Kafka (KRaft), MongoDB (wire-protocol server on an H2 file),
 * SMTP with an inbox, the dev token issuer, then the four services, by default as sibling Spring contexts in this
 * JVM. Prints where everything is, writes {@code <data-dir>/stack.json}, and runs until Ctrl-C or SIGTERM, which
 * stops everything in reverse order.
 *
 * <p>Exit status: 1 if something failed to start, 2 for a bad setting such as a port in use; after Ctrl-C or
 * SIGTERM the JVM's usual 130 or 143, once everything has been stopped.
 */
public final class LocalStack {

    private static final Duration IN_PROCESS_READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CHILD_READY_TIMEOUT = Duration.ofSeconds(240);

    private final LocalStackSettings settings;
    private final PrintStream terminal;
    private final PrintStream out;
    private final Deque<Started> started = new ArrayDeque<>();
    private final Path stateFile;
    private volatile boolean stopping;

    private record Started(String label, AutoCloseable resource) {
    }

    LocalStack(LocalStackSettings settings, PrintStream terminal, PrintStream out) {
        this.settings = settings;
        this.terminal = terminal;
        this.out = out;
        this.stateFile = StackState.file(settings.dataDir());
    }

    /** Starts the stack and blocks until the JVM is asked to stop. */
    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(LocalStackSettings.usage());
            return;
        }
        LocalStackSettings settings;
        try {
            settings = LocalStackSettings.parse(List.of(args), System.getenv(), Path.of("").toAbsolutePath());
            OptionalLong other = StackState.livePid(StackState.file(settings.dataDir()));
            if (other.isPresent()) {
                throw new SettingsException("a local stack (pid " + other.getAsLong() + ") is already running on "
                        + settings.dataDir() + "; stop it with ./conference-ops stop");
            }
            settings.checkPortsFree();
        }
        catch (SettingsException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(settings, System.err, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
        if (!stack.start()) {
            System.exit(1);
        }
        new CountDownLatch(1).await();
    }

    /**
     * Starts every component in order and prints the summary.
     *
     * @return whether everything is up; if not, whatever had started is stopped again
     */
    boolean start() {
        long begin = System.nanoTime();
        Progress progress = new Progress(terminal, 4 + settings.services().size());
        terminal.println("Conference Ops local stack: data in " + settings.dataDir() + ", services "
                + (settings.mode() == LocalStackSettings.Mode.IN_PROCESS ? "in this JVM" : "as separate JVMs"));
        try {
            StackAddresses addresses = startInfrastructure(progress);
            startServices(progress, addresses);
            Duration total = Duration.ofNanos(System.nanoTime() - begin);
            StackState.write(stateFile, state(addresses));
            out.println(Summary.render(settings, addresses, total, ProcessHandle.current().pid()));
            out.flush();
            return true;
        }
        catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (!stopping) {
                terminal.println("local-stack: " + e.getMessage());
                terminal.println("local-stack: stopping what was started");
            }
            stop();
            return false;
        }
    }

    /** Stops everything started, newest first, and removes {@code stack.json}. Safe to call more than once. */
    synchronized void stop() {
        if (stopping && started.isEmpty()) {
            return;
        }
        stopping = true;
        if (!started.isEmpty()) {
            terminal.println("Stopping the local stack ...");
        }
        while (!started.isEmpty()) {
            Started next = started.pop();
            long begin = System.nanoTime();
            try {
                next.resource().close();
                terminal.println("  stopped " + next.label() + " ("
                        + Duration.ofNanos(System.nanoTime() - begin).toMillis() + " ms)");
            }
            catch (Exception e) {
                terminal.println("  stopping " + next.label() + " failed: " + e.getMessage());
            }
        }
        StackState.delete(stateFile);
    }

    private StackAddresses startInfrastructure(Progress progress) {
        Path data = settings.dataDir();

        Progress.Step kafkaStep = progress.next("Kafka broker (KRaft)");
        String kafka;
        if (settings.embeddedKafka()) {
            KraftBroker broker = KraftBroker.builder()
                    .host(LocalStackSettings.HOST)
                    .port(settings.kafkaPort())
                    .controllerPort(settings.kafkaControllerPort())
                    .logDir(data.resolve("kafka"))
                    .build();
            track("Kafka broker", broker);
            kafka = run(kafkaStep, () -> broker.start().bootstrapServers());
            kafkaStep.ready(kafka);
        }
        else {
            kafka = required(settings.kafkaBootstrapServers());
            kafkaStep.external("KAFKA_BOOTSTRAP_SERVERS=" + kafka);
        }

        Progress.Step mongoStep = progress.next("MongoDB (wire-protocol server, H2 file)");
        String mongo;
        if (settings.embeddedMongo()) {
            EmbeddedMongo server = EmbeddedMongo.builder()
                    .host(LocalStackSettings.HOST)
                    .port(settings.mongoPort())
                    .h2File(data.resolve("mongo.mv"))
                    .build();
            track("MongoDB", server);
            mongo = run(mongoStep, () -> server.start().connectionString());
            mongoStep.ready(mongo);
        }
        else {
            mongo = required(settings.mongoUri());
            mongoStep.external("MONGODB_URI=" + Summary.maskPassword(mongo));
        }

        Progress.Step mailStep = progress.next("SMTP + inbox");
        String smtpHost;
        int smtpPort;
        URI inbox = null;
        if (settings.embeddedMail()) {
            MailServer mail = MailServer.builder()
                    .host(LocalStackSettings.HOST)
                    .smtpPort(settings.smtpPort())
                    .httpPort(settings.mailUiPort())
                    .build();
            track("SMTP + inbox", mail);
            run(mailStep, mail::start);
            smtpHost = mail.smtpHost();
            smtpPort = mail.smtpPort();
            inbox = mail.inboxUri();
            mailStep.ready(smtpHost + ":" + smtpPort + ", inbox " + inbox);
        }
        else {
            smtpHost = required(settings.smtpHost());
            smtpPort = settings.smtpPort();
            mailStep.external("SMTP_HOST=" + smtpHost + " SMTP_PORT=" + smtpPort);
        }

        Progress.Step issuerStep = progress.next("Dev token issuer");
        if (settings.embeddedIssuer()) {
            DevTokenIssuer issuer = DevTokenIssuer.builder()
                    .port(settings.issuerPort())
                    .keyFile(data.resolve("issuer-key.json"))
                    .build();
            track("token issuer", issuer);
            run(issuerStep, issuer::start);
            issuerStep.ready(issuer.issuer());
            return new StackAddresses(kafka, mongo, smtpHost, smtpPort, inbox, issuer.issuer(), issuer.jwksUri(),
                    issuer.tokenUri());
        }
        URI jwks = required(settings.oidcJwksUri());
        issuerStep.external("OIDC_JWKS_URI=" + jwks);
        URI externalIssuer = settings.oidcIssuerUri();
        return new StackAddresses(kafka, mongo, smtpHost, smtpPort, inbox,
                externalIssuer != null ? externalIssuer.toString() : null, jwks, null);
    }

    private void startServices(Progress progress, StackAddresses addresses) throws InterruptedException {
        Readiness readiness = new Readiness();
        if (settings.mode() == LocalStackSettings.Mode.IN_PROCESS) {
            for (ServiceSpec service : settings.services()) {
                checkNotStopping();
                Progress.Step step = progress.next(service.name());
                step.announce("starting on port " + service.port() + " ...");
                InProcessService running = run(step, () -> InProcessService.start(service,
                        ServiceProperties.of(service, addresses, settings.mode(), settings.services())));
                track(service.name(), running);
                awaitReady(step, readiness, service, IN_PROCESS_READY_TIMEOUT, () -> true, null);
            }
            return;
        }
        Path logDir = settings.dataDir().resolve("logs");
        List<ChildProcessService> children = new ArrayList<>();
        List<Progress.Step> steps = new ArrayList<>();
        // all at once: the JVMs spend most of their start waiting on class loading, which overlaps well
        for (ServiceSpec service : settings.services()) {
            checkNotStopping();
            Progress.Step step = progress.next(service.name());
            ChildProcessService child = run(step, () -> ChildProcessService.launch(service,
                    ServiceProperties.of(service, addresses, settings.mode(), settings.services()), settings.homeDir(), logDir));
            track(service.name() + " (pid " + child.pid() + ")", child);
            step.announce("started as pid " + child.pid() + ", log " + child.logFile());
            children.add(child);
            steps.add(step);
        }
        for (int i = 0; i < children.size(); i++) {
            ChildProcessService child = children.get(i);
            awaitReady(steps.get(i), readiness, child.spec(), CHILD_READY_TIMEOUT, child::isAlive, child.logFile());
        }
    }

    private void awaitReady(Progress.Step step, Readiness readiness, ServiceSpec service, Duration timeout,
            BooleanSupplier alive, @Nullable Path logFile) throws InterruptedException {
        boolean ready = readiness.await(service.readinessUri(), timeout, () -> alive.getAsBoolean() && !stopping);
        if (ready) {
            step.ready(service.baseUri().toString());
            return;
        }
        checkNotStopping();
        String where = logFile != null ? "; see " + logFile : "";
        String reason = alive.getAsBoolean()
                ? service.readinessUri() + " did not answer 200 within " + timeout.toSeconds() + " s" + where
                : "the process exited" + where;
        step.failed(reason);
        throw new IllegalStateException(service.name() + " is not ready: " + reason);
    }

    private <T> T run(Progress.Step step, Supplier<T> action) {
        try {
            return action.get();
        }
        catch (RuntimeException e) {
            step.failed(e.getMessage() != null ? e.getMessage() : e.toString());
            throw e;
        }
    }

    private void track(String label, AutoCloseable resource) {
        synchronized (this) {
            if (!stopping) {
                started.push(new Started(label, resource));
                return;
            }
        }
        // Ctrl-C arrived while this was starting: the shutdown hook has already run past it
        try {
            resource.close();
        }
        catch (Exception e) {
            terminal.println("  stopping " + label + " failed: " + e.getMessage());
        }
        throw new IllegalStateException("stopping");
    }

    private void checkNotStopping() {
        if (stopping) {
            throw new IllegalStateException("stopping");
        }
    }

    private static <T> T required(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("missing external address");
        }
        return value;
    }

    private Map<String, Object> state(StackAddresses addresses) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("pid", ProcessHandle.current().pid());
        state.put("startedAt", Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()).toString());
        state.put("mode", settings.mode() == LocalStackSettings.Mode.IN_PROCESS ? "in-process" : "processes");
        state.put("dataDir", settings.dataDir().toString());
        state.put("kafkaBootstrapServers", addresses.kafkaBootstrapServers());
        state.put("kafkaEmbedded", settings.embeddedKafka());
        state.put("mongoUri", addresses.mongoUri());
        state.put("mongoEmbedded", settings.embeddedMongo());
        state.put("smtpHost", addresses.smtpHost());
        state.put("smtpPort", addresses.smtpPort());
        state.put("mailEmbedded", settings.embeddedMail());
        state.put("inboxUrl", addresses.inboxUri() != null ? addresses.inboxUri().toString() : null);
        state.put("issuerEmbedded", settings.embeddedIssuer());
        state.put("issuerUrl", addresses.issuer());
        state.put("jwksUrl", addresses.jwksUri().toString());
        state.put("tokenUrl", addresses.tokenUri() != null ? addresses.tokenUri().toString() : null);
        Map<String, String> services = new LinkedHashMap<>();
        settings.services().forEach(service -> services.put(service.name(), service.baseUri().toString()));
        state.put("services", services);
        return state;
    }
}
