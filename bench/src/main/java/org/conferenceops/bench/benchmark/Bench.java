package org.conferenceops.bench.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.conferenceops.bench.Api;
import org.conferenceops.bench.Options;
import org.conferenceops.bench.StackEndpoints;
import org.conferenceops.bench.chaos.StackProbe;
import org.conferenceops.bench.Tokens;
import org.conferenceops.bench.simulation.MemberStates;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./conference-ops bench}: measures the running stack from this separate JVM and writes
 * {@code <results-dir>/<timestamp>.json} and {@code .md}. Each run first measures the in-run ceilings (Kafka's
 * {@code ProducerPerformance} and {@code EndToEndLatency} against the stack's broker, and the HTTP liveness
 * endpoint), then the scenarios, and reports every figure absolute, as a ratio to its ceiling and against its
 * target. Setup traffic (delegations, accreditation, warm-up) is never measured.
 */
public final class Bench {

    private static final Set<String> OPTIONS = Set.of("stack-file", "settle-wait", "duration", "rate", "rush",
            "seats", "checkin-rate", "checkin-duration", "fanout", "fanout-wait", "scenarios", "results-dir",
            "stack-ready-seconds", "delegations", "help");
    private static final List<String> LANGUAGES = List.of("ar", "zh", "en", "fr", "ru", "es");

    private final StackEndpoints stack;
    private final Options options;
    private final PrintStream out;
    private final Api api = new Api(Duration.ofSeconds(60));
    private final Tokens tokens;
    private final String conference;
    private final List<String> delegations = new ArrayList<>();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<Map<String, Object>> targets = new ArrayList<>();
    private final StackProcess process;
    private final AtomicLong sequence = new AtomicLong();

    private Bench(StackEndpoints stack, Options options, PrintStream out) {
        this.stack = stack;
        this.options = options;
        this.out = out;
        this.tokens = new Tokens(api, stack.tokenUri());
        this.conference = "bench-" + LocalDateTimeStamp.now().replace("t", "-");
        this.process = new StackProcess(stack.stackPid());
    }

    public static void main(String[] args) {
        Options options;
        StackEndpoints stack;
        try {
            options = Options.parse(List.of(args), OPTIONS);
            if (options.flag("help")) {
                System.out.println(usage());
                return;
            }
            stack = options.endpoints();
        }
        catch (RuntimeException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        Bench bench = new Bench(stack, options, System.out);
        try {
            Path written = bench.run();
            System.out.println("bench: results in " + written + " and " + written.toString().replace(".json", ".md"));
        }
        finally {
            bench.process.close();
        }
    }

    static String usage() {
        return """
                usage: ./conference-ops bench [--duration=60] [--rate=300] [--rush=2000] [--seats=500]
                         [--checkin-rate=50] [--checkin-duration=30] [--fanout=10000] [--fanout-wait=150]
                         [--scenarios=ceilings,registration,rush,checkin,fanout] [--results-dir=bench/results]
                  --duration  seconds of sustained registration load (the target is 300/s for 300 s; 60 by default
                              for a quick run)
                  --fanout    delegates booked on the session whose change is fanned out (the target is 10,000)""";
    }

    private Path run() {
        Set<String> scenarios = Set.of(options.text("scenarios", "ceilings,registration,rush,checkin,fanout")
                .split(","));
        results.put("startedAt", Instant.now().toString());
        results.put("machine", machine());
        results.put("stack", Map.of("registration", stack.registration().toString(), "kafka",
                String.valueOf(stack.kafkaBootstrapServers()), "pid", String.valueOf(stack.stackPid()),
                "rssAtStartMib", Latencies.round(process.rssKb() / 1024.0)));
        if (options.has("stack-ready-seconds")) {
            double seconds = Double.parseDouble(options.text("stack-ready-seconds", "0"));
            results.put("stackStart", Map.of("allHealthySeconds", seconds));
            target("local stack all healthy", seconds, "s", "<=", 30);
        }
        Map<String, Object> ceilings = scenarios.contains("ceilings") ? ceilings() : Map.of();
        results.put("ceilings", ceilings);
        // a scenario that fails is recorded with its reason; the results are written whatever happens
        try {
            setUp();
            List<String[]> delegates = new ArrayList<>();
            if (scenarios.contains("rush") || scenarios.contains("checkin") || scenarios.contains("fanout")) {
                int needed = Math.max(options.integer("rush", 2000),
                        options.integer("checkin-rate", 50) * options.integer("checkin-duration", 30));
                if (scenarios.contains("fanout")) {
                    needed = Math.max(needed, options.integer("fanout", 10_000));
                }
                delegates.addAll(accreditedDelegates(needed));
            }
            String[] bigSession = new String[1];
            int rushers = Math.min(options.integer("rush", 2000), delegates.size());
            int audience = scenarios.contains("fanout") ? Math.min(options.integer("fanout", 10_000),
                    delegates.size()) : rushers;
            if (scenarios.contains("rush") || scenarios.contains("fanout")) {
                // the rush's delegates first, so that the rush does not compete with the other bookings' e-mails
                scenario("warmUp", () -> bigSession[0] = warmUp(delegates.subList(0, rushers), null));
            }
            if (scenarios.contains("rush") && bigSession[0] != null) {
                scenario("bookingRush", () -> rush(delegates));
            }
            if (scenarios.contains("checkin")) {
                scenario("checkIn", () -> checkIn(delegates));
            }
            if (scenarios.contains("fanout") && bigSession[0] != null) {
                scenario("warmUpFanOutAudience", () -> warmUp(delegates.subList(rushers, Math.max(rushers, audience)),
                        bigSession[0]));
                scenario("fanOut", () -> fanOut(bigSession[0], audience));
            }
            // last: its backlog (notifications, read models on the embedded store) would slow the set-up of the others
            if (scenarios.contains("registration")) {
                scenario("registration", () -> registration(ceilings));
            }
        }
        catch (RuntimeException e) {
            results.put("aborted", e.getMessage());
            out.println("bench: aborted: " + e.getMessage());
        }
        results.put("peakRssMib", Latencies.round(process.overallPeakMib()));
        target("RSS of the all-in-one JVM under load (peak)", process.overallPeakMib(), "MiB", "<=", 1024);
        results.put("targets", targets);
        results.put("finishedAt", Instant.now().toString());
        return write();
    }

    private void scenario(String name, Runnable scenario) {
        try {
            if (MEASURED.contains(name)) {
                settle(name);
            }
            scenario.run();
        }
        catch (RuntimeException e) {
            results.put(name + "Error", String.valueOf(e.getMessage()));
            out.println("bench: " + name + " failed: " + e.getMessage());
        }
    }

    private static final long SETTLED_LAG = 10;
    private static final long SETTLED_BACKLOG = 20;
    private static final long SETTLED_UNSENT = 10;

    /** The scenarios whose figures are targets: each starts on a stack that has caught up with the set-up. */
    private static final Set<String> MEASURED = Set.of("bookingRush", "checkIn", "fanOut", "registration");

    /**
     * Waits (up to {@code --settle-wait}, 15 min by default) until the stack has done what the set-up asked of it:
     * consumer lag, outbox backlog and notifications queued or in hand-off down to a trickle (10, 20, 10). A scenario measured while
     * tens of thousands of set-up e-mails are still being sent measures that backlog, not itself. The time it took
     * is recorded as {@code settledBefore.<scenario>Seconds}.
     */
    private void settle(String scenario) {
        if (stack.kafkaBootstrapServers() == null) {
            return;
        }
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(options.integer("settle-wait", 900)).toNanos();
        long lastReport = 0;
        List<URI> services = List.of(stack.registration(), stack.session(), stack.pledge(), stack.notification());
        try (StackProbe probe = new StackProbe(stack.kafkaBootstrapServers(), stack.inbox(), stack.tokenUri())) {
            while (true) {
                long lag = probe.consumerLag(List.of("session-service", "notification-service", "pledge-service"))
                        .values().stream().mapToLong(Long::longValue).sum();
                long backlog = services.stream().mapToLong(probe::outboxBacklog).map(b -> Math.max(0, b)).sum();
                long unsent = unsentNotifications();
                // caught up, not idle: reminders and delivery outcomes keep a trickle of work going on a live stack
                if (lag <= SETTLED_LAG && backlog <= SETTLED_BACKLOG && unsent <= SETTLED_UNSENT) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    out.println("settle: gave up waiting before " + scenario + " (lag " + lag + ", outbox " + backlog
                            + ", notifications unsent " + unsent + ")");
                    break;
                }
                if (System.nanoTime() - lastReport > Duration.ofSeconds(10).toNanos()) {
                    out.println("settle: before " + scenario + ": consumer lag " + lag + ", outbox backlog " + backlog
                            + ", notifications unsent " + unsent);
                    lastReport = System.nanoTime();
                }
                pause(1000);
            }
        }
        catch (IllegalStateException unreadable) {
            out.println("settle: cannot read the stack's lag (" + unreadable.getMessage() + "); not waiting");
        }
        double seconds = Latencies.round((System.nanoTime() - started) / 1e9);
        @SuppressWarnings("unchecked")
        Map<String, Object> settled = (Map<String, Object>) results.computeIfAbsent("settledBefore",
                key -> new LinkedHashMap<String, Object>());
        settled.put(scenario + "Seconds", seconds);
    }

    /**
     * Notifications queued or handed to their channel without an outcome yet (delivery log), plus the fan-out jobs
     * not done (each one message to one or more recipients, {@code notifications_fanout_pending}).
     */
    private long unsentNotifications() {
        long unsent = pendingFanOutJobs();
        for (String status : List.of("QUEUED", "SENDING")) {
            Api.Response page = api.get(stack.notification().resolve("/api/notifications?status=" + status
                    + "&size=1"), tokens.ops());
            unsent += page.ok() ? page.body().path("total").asLong() : 0;
        }
        return unsent;
    }

    /** E-mails notification-service has handed to SMTP so far ({@code notifications_deliveries_total}). */
    private long emailsSent() {
        return notificationMetric("notifications_deliveries_total\\{(?=[^}]*channel=\"EMAIL\")"
                + "(?=[^}]*outcome=\"sent\")[^}]*}");
    }

    private long pendingFanOutJobs() {
        return notificationMetric("notifications_fanout_pending\\{[^}]*}");
    }

    /** A value of notification-service's Prometheus endpoint (the series matching {@code series}), 0 if absent. */
    private long notificationMetric(String series) {
        Api.Response metrics = api.send("GET", stack.notification().resolve("/actuator/prometheus"), null, null,
                Map.of("Accept", "text/plain;version=0.0.4"));
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("(?m)^" + series + "\\s+([0-9.eE+]+)")
                .matcher(metrics.raw());
        return metrics.status() == 200 && value.find() ? (long) Double.parseDouble(value.group(1)) : 0;
    }

    // --- ceilings ---------------------------------------------------------------------------------------------

    private Map<String, Object> ceilings() {
        Map<String, Object> ceilings = new LinkedHashMap<>();
        String kafka = stack.kafkaBootstrapServers();
        if (kafka != null) {
            String produceTopic = "bench.ceiling.produce." + conference;
            String latencyTopic = "bench.ceiling.latency." + conference;
            createTopics(kafka, produceTopic, latencyTopic);
            out.println("ceiling: Kafka produce throughput (ProducerPerformance, 200,000 x 512 B, acks=all)");
            String produced = runTool("org.apache.kafka.tools.ProducerPerformance", "--topic", produceTopic,
                    "--num-records", "200000", "--record-size", "512", "--throughput", "-1", "--producer-props",
                    "bootstrap.servers=" + kafka, "acks=all", "linger.ms=5");
            ceilings.put("kafkaProduce", KafkaToolOutput.producerPerformance(produced));
            out.println("ceiling: Kafka end-to-end latency (EndToEndLatency, 5,000 x 512 B, acks=all)");
            String latency = runTool("org.apache.kafka.tools.EndToEndLatency", kafka, latencyTopic, "5000", "all",
                    "512");
            ceilings.put("kafkaEndToEnd", KafkaToolOutput.endToEndLatency(latency));
        }
        out.println("ceiling: HTTP liveness endpoint, 16 clients for 10 s");
        URI liveness = stack.registration().resolve("/actuator/health/liveness");
        LoadRunner.closedLoop(4, Duration.ofSeconds(2), i -> api.get(liveness, null));
        LoadRunner.Outcome http = LoadRunner.closedLoop(16, Duration.ofSeconds(10), i -> api.get(liveness, null));
        ceilings.put("httpLiveness", http.summary());
        out.println("  " + ceilings);
        return ceilings;
    }

    private void createTopics(String kafka, String... topics) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        try (Admin admin = Admin.create(properties)) {
            admin.createTopics(java.util.Arrays.stream(topics).map(t -> new NewTopic(t, 1, (short) 1)).toList())
                    .all().get(30, TimeUnit.SECONDS);
        }
        catch (Exception e) {
            out.println("  could not create the ceiling topics: " + e.getMessage());
        }
    }

    private String runTool(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        try {
            Process tool = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            tool.waitFor(5, TimeUnit.MINUTES);
            return output;
        }
        catch (IOException e) {
            return "failed: " + e;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    // --- set-up (not measured) ------------------------------------------------------------------------------

    private void setUp() {
        int count = options.integer("delegations", 190);
        out.println("setup: edition " + conference + " with " + count + " delegations");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> edition = new LinkedHashMap<>();
        edition.put("id", conference);
        edition.put("name", "Benchmark " + conference);
        edition.put("city", "Berlin");
        edition.put("hostCountry", "DEU");
        edition.put("startDate", today.toString());
        edition.put("endDate", today.plusDays(2).toString());
        edition.put("timeZone", "UTC");
        edition.put("mode", "IN_PERSON");
        edition.put("workingLanguages", LANGUAGES);
        edition.put("sizeRule", Map.of("representatives", 5, "alternates", 5, "advisers", 5000));
        edition.put("entrances", List.of("north", "south"));
        api.post(stack.registration().resolve("/api/conferences"), tokens.organizer(), edition)
                .requireOk("create the benchmark edition");
        List<String> codes = MemberStates.CODES.subList(0, Math.min(count, MemberStates.CODES.size()));
        parallel(codes, 16, code -> {
            api.post(stack.registration().resolve("/api/conferences/" + conference + "/delegations"),
                    tokens.organizer(), Map.of("kind", "MEMBER_STATE", "code", code)).requireOk("delegation " + code);
            tokens.focalPoint(conference + "-" + code);
            return code;
        });
        codes.forEach(code -> delegations.add(conference + "-" + code));
    }

    // --- registration ---------------------------------------------------------------------------------------

    private void registration(Map<String, Object> ceilings) {
        int rate = options.integer("rate", 300);
        Duration duration = options.duration("duration", Duration.ofSeconds(60));
        out.println("registration: " + rate + "/s for " + duration.toSeconds() + " s (open loop)");
        // warm-up, not measured: the JIT and connection pools
        LoadRunner.openLoop(Math.min(rate, 100), Duration.ofSeconds(10), i -> registerOne("warm"));
        int total = (int) (duration.toNanos() / (1_000_000_000L / rate));
        long[] acceptedAt = new long[total];
        String[] delegateIds = new String[total];
        process.resetPeak();
        StackProcess.CpuReading cpuAtStart = process.cpu();
        ExecutorService dumper = Executors.newSingleThreadExecutor();
        Future<Map<String, Object>> dump = dumper.submit(() -> {
            Thread.sleep(duration.toMillis() / 2);
            return process.threadDumpSummary();
        });
        LoadRunner.Outcome outcome = LoadRunner.openLoop(rate, duration, i -> {
            Api.Response response = registerOne("r");
            if (response.status() == 201) {
                acceptedAt[i] = System.currentTimeMillis();
                delegateIds[i] = response.text("id");
            }
            return response;
        });
        Map<String, Object> figures = new LinkedHashMap<>(outcome.summary());
        figures.put("targetPerSecond", rate);
        figures.put("durationSeconds", duration.toSeconds());
        figures.put("peakRssMib", Latencies.round(process.peakMib()));
        try {
            figures.put("threadDumpAtMidRun", dump.get(30, TimeUnit.SECONDS));
        }
        catch (Exception e) {
            figures.put("threadDumpAtMidRun", Map.of("error", e.toString()));
        }
        dumper.shutdownNow();
        out.println("  " + outcome.summary());
        out.println("registration: waiting for the confirmation e-mails in the delivery log");
        Map<String, Long> sentAt = confirmationsSent(delegateIds, Duration.ofSeconds(120));
        Latencies notified = new Latencies();
        long missing = 0;
        for (int i = 0; i < total; i++) {
            if (delegateIds[i] == null) {
                continue;
            }
            Long sent = sentAt.get(delegateIds[i]);
            if (sent == null) {
                missing++;
            }
            else {
                notified.recordMillis(sent - acceptedAt[i]);
            }
        }
        Map<String, Object> notification = new LinkedHashMap<>(notified.summary());
        notification.put("notDeliveredWithin120s", missing);
        // from the first request to the last confirmation e-mail: every service's share of a registration
        figures.put("stackCpuMsPerRegistration", process.cpu().perOperationSince(cpuAtStart, total - missing));
        notification.put("measuredBy", "delivery log sentAt (SMTP accepted) minus the client's 201 time");
        figures.put("acceptedToEmailSent", notification);
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratio(ratios, "achievedRateToHttpCeiling", outcome.perSecond(), ceilings, "httpLiveness", "achievedPerSecond");
        ratio(ratios, "p99ToHttpCeilingP99", outcome.latencies().percentileMillis(99), ceilings, "httpLiveness",
                "latency.p99Ms");
        ratio(ratios, "notificationP99ToKafkaEndToEndP99", notified.percentileMillis(99), ceilings, "kafkaEndToEnd",
                "p99Ms");
        figures.put("ratios", ratios);
        results.put("registration", figures);
        target("registration sustained rate (" + duration.toSeconds() + " s)", outcome.perSecond(), "/s", ">=",
                rate * 0.98);
        target("registration HTTP p99", outcome.latencies().percentileMillis(99), "ms", "<=", 250);
        target("registration errors", outcome.errors(), "", "<=", 0);
        target("accepted -> notification delivered p99", notified.percentileMillis(99), "ms", "<=", 1000);
        target("notifications missing after 120 s", missing, "", "<=", 0);
    }

    private Api.Response registerOne(String prefix) {
        long n = sequence.incrementAndGet();
        String delegation = delegations.get((int) (n % delegations.size()));
        Map<String, Object> body = Map.of("givenName", "Bench", "familyName", "Delegate " + n,
                "email", prefix + n + "@" + conference + ".example.org",
                "preferredLanguage", LANGUAGES.get((int) (n % LANGUAGES.size())));
        return api.post(stack.registration().resolve("/api/conferences/" + conference + "/delegations/" + delegation
                + "/delegates"), tokens.focalPoint(delegation), body);
    }

    /** delegate id → when notification-service recorded the confirmation e-mail as sent (epoch ms). */
    private Map<String, Long> confirmationsSent(String[] delegateIds, Duration timeout) {
        Set<String> wanted = new java.util.HashSet<>();
        for (String id : delegateIds) {
            if (id != null) {
                wanted.add(id);
            }
        }
        Map<String, Long> sentAt = new HashMap<>();
        Instant deadline = Instant.now().plus(timeout);
        String ops = tokens.ops();
        while (true) {
            sentAt.clear();
            for (String delegation : delegations) {
                if (Instant.now().isAfter(deadline.plus(timeout))) {
                    // an overloaded delivery log answers slowly; report what was read rather than wait on
                    break;
                }
                for (int page = 0;; page++) {
                    JsonNode body = api.get(stack.notification().resolve("/api/notifications?delegationId="
                            + delegation + "&kind=registration-confirmation&channel=EMAIL&status=SENT&size=500&page="
                            + page), ops).requireOk("delivery log").body();
                    for (JsonNode n : body.path("items")) {
                        String delegateId = n.path("delegateId").asString();
                        if (wanted.contains(delegateId) && n.hasNonNull("sentAt")) {
                            sentAt.merge(delegateId, Instant.parse(n.path("sentAt").asString()).toEpochMilli(),
                                    Math::min);
                        }
                    }
                    if ((long) (page + 1) * 500 >= body.path("total").asLong()) {
                        break;
                    }
                }
            }
            if (sentAt.size() >= wanted.size() || Instant.now().isAfter(deadline)) {
                return sentAt;
            }
            out.println("  " + sentAt.size() + "/" + wanted.size() + " sent so far");
            pause(3000);
        }
    }

    // --- booking rush ---------------------------------------------------------------------------------------

    /** Registers (in bulk) and accredits delegates for the rush and check-in: {delegationId, delegateId}. */
    private List<String[]> accreditedDelegates(int count) {
        out.println("setup: " + count + " accredited delegates (bulk uploads of 200, then accreditation)");
        List<int[]> chunks = new ArrayList<>();
        for (int start = 0; start < count; start += 200) {
            chunks.add(new int[] {start, Math.min(count, start + 200)});
        }
        List<List<String[]>> registered = parallel(chunks, 4, chunk -> {
            String delegation = delegations.get(chunk[0] / 200 % delegations.size());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = chunk[0]; i < chunk[1]; i++) {
                rows.add(Map.of("givenName", "Rush", "familyName", "Delegate " + i,
                        "email", "rush" + i + "@" + conference + ".example.org",
                        "preferredLanguage", LANGUAGES.get(i % LANGUAGES.size())));
            }
            JsonNode report = api.post(stack.registration().resolve("/api/conferences/" + conference
                    + "/delegations/" + delegation + "/delegates/bulk"), tokens.focalPoint(delegation), rows)
                    .requireOk("bulk upload").body();
            List<String[]> ids = new ArrayList<>();
            report.path("delegates").forEach(d -> ids.add(new String[] {delegation, d.path("delegateId").asString()}));
            return ids;
        });
        List<String[]> all = registered.stream().flatMap(List::stream).toList();
        String organizer = tokens.organizer();
        parallel(all, 32, d -> api.post(stack.registration().resolve("/api/delegates/" + d[1] + "/accreditation"),
                organizer, null).requireOk("accredit"));
        return all;
    }

    /**
     * The meeting, the rooms and a session in a room without a practical limit that the given delegates all book:
     * it waits until session-service knows every one of them (their accreditation reached it), and it is the
     * session whose change the fan-out scenario sends to all of them.
     */
    private String warmUp(List<String[]> delegates, @Nullable String existing) {
        String organizer = tokens.organizer();
        if (existing != null) {
            book(existing, delegates);
            return existing;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        api.post(stack.session().resolve("/api/conferences/" + conference + "/meetings"), organizer, Map.of(
                "id", meeting(), "title", "Benchmark days", "mode", "IN_PERSON", "firstDay", today.toString(),
                "lastDay", today.plusDays(2).toString(), "timeZone", "UTC")).requireOk("meeting");
        api.post(stack.session().resolve("/api/conferences/" + conference + "/rooms"), organizer, Map.of(
                "id", conference + "-hall", "name", "Hall", "capacity", options.integer("seats", 500)))
                .requireOk("room");
        api.post(stack.session().resolve("/api/conferences/" + conference + "/rooms"), organizer, Map.of(
                "id", conference + "-warmup", "name", "Warm-up room", "capacity", 100_000)).requireOk("room");
        String warmup = scheduleSession(meeting(), "Warm-up session", conference + "-warmup", sessionStart());
        book(warmup, delegates);
        return warmup;
    }

    private void book(String warmup, List<String[]> delegates) {
        out.println("setup: " + delegates.size() + " delegates book the warm-up session (waits for session-service"
                + " to know them)");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        AtomicLong booked = new AtomicLong();
        parallel(delegates, 32, d -> {
            while (true) {
                Api.Response response = api.post(stack.session().resolve("/api/sessions/" + warmup + "/bookings"),
                        tokens.delegate(d[0], d[1]), Map.of());
                if (response.ok() || Instant.now().isAfter(deadline)) {
                    progress("warm-up bookings", booked.incrementAndGet(), delegates.size());
                    return response.requireOk("warm-up booking");
                }
                pause(250);
            }
        });
    }

    private String meeting() {
        return conference + "-days";
    }

    private Instant sessionStart() {
        return Instant.now().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    }

    private void progress(String what, long done, int total) {
        if (done % 1000 == 0 || done == total) {
            out.println("  " + what + ": " + done + "/" + total);
        }
    }

    private void rush(List<String[]> delegates) {
        int count = Math.min(options.integer("rush", 2000), delegates.size());
        int seats = options.integer("seats", 500);
        String organizer = tokens.organizer();
        String popular = scheduleSession(meeting(), "Popular session", conference + "-hall",
                sessionStart().plusSeconds(7200));
        List<String[]> rushers = delegates.subList(0, count);
        out.println("booking rush: " + count + " concurrent bookings for " + seats + " seats");
        process.resetPeak();
        StackProcess.CpuReading cpuAtStart = process.cpu();
        LoadRunner.Outcome outcome = LoadRunner.burst(count, i -> api.post(stack.session().resolve("/api/sessions/"
                + popular + "/bookings"), tokens.delegate(rushers.get(i)[0], rushers.get(i)[1]), Map.of()));
        long confirmed = 0;
        long waitlisted = 0;
        for (JsonNode booking : api.get(stack.session().resolve("/api/sessions/" + popular + "/bookings"),
                organizer).requireOk("bookings").body()) {
            String status = booking.path("status").asString();
            confirmed += "CONFIRMED".equals(status) ? 1 : 0;
            waitlisted += "WAITLISTED".equals(status) ? 1 : 0;
        }
        Map<String, Object> cpuOfBurst = process.cpu().perOperationSince(cpuAtStart, count);
        Map<String, Object> figures = new LinkedHashMap<>(outcome.summary());
        // from the first request to the last answer (what the stack did meanwhile, the rush's e-mails included)
        figures.put("stackCpuMsPerBookingDuringRush", cpuOfBurst);
        figures.put("seats", seats);
        figures.put("confirmed", confirmed);
        figures.put("waitlisted", waitlisted);
        figures.put("peakRssMib", Latencies.round(process.peakMib()));
        results.put("bookingRush", figures);
        out.println("  " + figures);
        target("booking rush: all " + count + " answered", outcome.elapsed().toMillis() / 1000.0, "s", "<=", 2);
        target("booking rush: confirmed seats (exactly " + seats + ")", confirmed, "", "==", seats);
        target("booking rush errors", outcome.errors(), "", "<=", 0);
    }

    private String scheduleSession(String meeting, String title, String room, Instant start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meetingId", meeting);
        body.put("track", "Benchmark");
        body.put("title", title);
        body.put("roomId", room);
        body.put("mode", "IN_PERSON");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plusSeconds(3600).toString());
        body.put("virtualCapacity", 0);
        return api.post(stack.session().resolve("/api/conferences/" + conference + "/sessions"), tokens.organizer(),
                body).requireOk("schedule " + title).text("id");
    }

    // --- check-in -------------------------------------------------------------------------------------------

    private void checkIn(List<String[]> delegates) {
        int rate = options.integer("checkin-rate", 50);
        Duration duration = options.duration("checkin-duration", Duration.ofSeconds(30));
        int scans = (int) Math.min(delegates.size(), rate * duration.toSeconds());
        String organizer = tokens.organizer();
        out.println("setup: " + scans + " badges");
        List<String> badges = parallel(delegates.subList(0, scans), 32, d -> api.post(stack.registration()
                .resolve("/api/delegates/" + d[1] + "/badge"), organizer, null).requireOk("badge").text("qrPayload"));
        out.println("check-in: " + rate + " scans/s for " + duration.toSeconds() + " s at two entrances");
        String ops = tokens.ops();
        URI scan = stack.registration().resolve("/api/conferences/" + conference + "/checkins");
        LoadRunner.Outcome outcome = LoadRunner.openLoop(rate, duration, i -> {
            String entrance = i % 2 == 0 ? "north" : "south";
            return api.post(scan, ops, Map.of("qr", badges.get(i % badges.size()), "entrance", entrance,
                    "deviceId", entrance + "-1"));
        });
        results.put("checkIn", outcome.summary());
        out.println("  " + outcome.summary());
        target("check-in rate", outcome.perSecond(), "/s", ">=", rate * 0.98);
        target("check-in p99", outcome.latencies().percentileMillis(99), "ms", "<=", 100);
        target("check-in errors", outcome.errors(), "", "<=", 0);
    }

    // --- fan-out --------------------------------------------------------------------------------------------

    private void fanOut(@Nullable String sessionId, int booked) {
        Map<String, Object> figures = new LinkedHashMap<>();
        if (sessionId == null) {
            figures.put("status", "not measured: the warm-up session could not be set up");
            results.put("fanOut", figures);
            return;
        }
        Duration wait = options.duration("fanout-wait", Duration.ofSeconds(150));
        String ops = tokens.ops();
        // the seat confirmations of the set-up are out: the scenario starts settled (no fan-out job pending)
        // a cancellation is the session change that is never coalesced: it goes out at once, to everyone booked
        out.println("fan-out: the warm-up session (" + booked + " booked) is cancelled; watching notification-service's"
                + " e-mail counter for up to " + wait.toSeconds() + " s");
        process.resetPeak();
        long emailsBefore = emailsSent();
        StackProcess.CpuReading cpuAtStart = process.cpu();
        long changedAt = System.nanoTime();
        api.post(stack.session().resolve("/api/sessions/" + sessionId + "/cancel"), tokens.organizer(), Map.of(
                "reason", "Benchmark: the fan-out of a cancellation")).requireOk("cancellation");
        // watched on the e-mail counter every 250 ms, not on the delivery log: on the embedded MongoDB server a
        // delivery-log query over a session's tens of thousands of records is sorted in memory (a real MongoDB
        // uses the index), so polling it competed with the deliveries and, piling up, ran the stack out of heap
        long deadline = changedAt + wait.toNanos();
        long firstAt = -1;
        long sent = 0;
        while (sent < booked && System.nanoTime() < deadline) {
            pause(250);
            sent = emailsSent() - emailsBefore;
            if (sent > 0 && firstAt < 0) {
                firstAt = System.nanoTime();
            }
        }
        long lastAt = System.nanoTime();
        StackProcess.CpuReading cpuAtEnd = process.cpu();
        if (sent <= 0) {
            figures.put("status", "no e-mail sent within " + wait.toSeconds() + " s of the cancellation");
            results.put("fanOut", figures);
            out.println("  " + figures.get("status"));
            return;
        }
        double seconds = (lastAt - changedAt) / 1e9;
        figures.put("booked", booked);
        figures.put("emailsSentWithin", sent);
        // one count, after the fact: one record per (event, recipient, channel), so as many records as recipients;
        // a count that does not answer (the embedded server sorts the session's records in memory) is reported,
        // and the timing above is kept
        Api.Response count = api.get(stack.notification().resolve("/api/notifications?sessionId=" + sessionId
                + "&kind=session-cancelled&channel=EMAIL&size=1"), ops);
        long records = count.ok() ? count.body().path("total").asLong() : -1;
        figures.put("cancellationRecordsInDeliveryLog", count.ok() ? records : "no answer: HTTP " + count.status()
                + " " + count.error());
        figures.put("changeToFirstEmailMs", firstAt < 0 ? -1 : (firstAt - changedAt) / 1_000_000);
        figures.put("changeToLastEmailMs", sent >= booked ? (lastAt - changedAt) / 1_000_000 : -1);
        figures.put("emailsPerSecond", Latencies.round(sent / Math.max(0.001, seconds)));
        figures.put("stackCpuMsPerEmail", cpuAtEnd.perOperationSince(cpuAtStart, sent));
        figures.put("peakRssMib", Latencies.round(process.peakMib()));
        results.put("fanOut", figures);
        out.println("  " + figures);
        target("fan-out: " + booked + " delegates told of a cancellation (last e-mail sent after the change)",
                seconds, "s", "<=", 10);
        target("fan-out: every booked delegate told (e-mails sent)", sent, "", ">=", booked);
        target("fan-out: records in the delivery log (one per recipient)", records, "", "==", booked);
    }

    // --- results --------------------------------------------------------------------------------------------

    private void target(String what, double measured, String unit, String comparison, double limit) {
        boolean met = switch (comparison) {
            case "<=" -> measured <= limit;
            case ">=" -> measured >= limit;
            default -> measured == limit;
        };
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("target", what);
        row.put("measured", Latencies.round(measured));
        row.put("unit", unit);
        row.put("required", comparison + " " + (limit == Math.rint(limit) ? Long.toString((long) limit) : limit));
        row.put("met", met);
        targets.add(row);
    }

    private static void ratio(Map<String, Object> ratios, String name, double value, Map<String, Object> ceilings,
            String ceiling, String path) {
        Object node = ceilings.get(ceiling);
        for (String part : path.split("\\.")) {
            node = node instanceof Map<?, ?> map ? map.get(part) : null;
        }
        if (node instanceof Number number && number.doubleValue() > 0) {
            ratios.put(name, Math.round(value / number.doubleValue() * 1000) / 1000.0);
        }
    }

    private Path write() {
        Path dir = Path.of(options.text("results-dir", "bench/results"));
        String stamp = LocalDateTimeStamp.now();
        Path json = dir.resolve(stamp + ".json");
        try {
            Files.createDirectories(dir);
            Files.writeString(json, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
            Files.writeString(dir.resolve(stamp + ".md"), ResultsTable.markdown(stamp, results, targets));
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.println();
        out.println(ResultsTable.markdown(stamp, results, targets));
        return json;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("benchJava", System.getProperty("java.version"));
        try {
            machine.put("loadAverageAtStart", Files.readString(Path.of("/proc/loadavg")).strip());
        }
        catch (IOException e) {
            machine.put("loadAverageAtStart", "unknown");
        }
        return machine;
    }

    private static <T, R> List<R> parallel(List<T> items, int threads, java.util.function.Function<T, R> task) {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<R>> futures = items.stream().map(item -> pool.submit(() -> task.apply(item))).toList();
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        }
        catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A sortable UTC timestamp for file names and ids, e.g. {@code 20261122t091512}. */
    static final class LocalDateTimeStamp {

        private LocalDateTimeStamp() {
        }

        static String now() {
            return DateTimeFormatter.ofPattern("yyyyMMdd't'HHmmss").format(java.time.LocalDateTime.now(ZoneOffset.UTC));
        }
    }
}
