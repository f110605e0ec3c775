package org.conferenceops.bench.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.conferenceops.bench.Options;

/**
 * {@code ./conference-ops chaos}: starts its own stack with Kafka, MongoDB and each service as separate processes
 * (ports as the local stack's, data in a fresh directory), runs every scenario, prints PASS/FAIL per invariant,
 * writes {@code <results-dir>/chaos-<stamp>.json} and {@code .md}, stops everything and exits 1 on any failure.
 */
public final class Chaos {

    private static final Set<String> OPTIONS = Set.of("stack-file", "home", "data-dir", "results-dir", "scenarios",
            "settle", "help");

    private Chaos() {
    }

    public static void main(String[] args) {
        // the suite's own Kafka clients would otherwise log every refused connection while it breaks the broker
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        Options options;
        try {
            options = Options.parse(List.of(args), OPTIONS);
        }
        catch (IllegalArgumentException e) {
            System.err.println("chaos: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (options.flag("help")) {
            System.out.println(usage());
            return;
        }
        List<String> scenarios = List.of(options.text("scenarios", String.join(",", Scenarios.ALL)).split(","));
        for (String scenario : scenarios) {
            if (!Scenarios.ALL.contains(scenario)) {
                System.err.println("chaos: unknown scenario " + scenario + "; known: " + Scenarios.ALL);
                System.exit(2);
            }
        }
        Path home = Path.of(options.text("home", ".")).toAbsolutePath().normalize();
        Path data = Path.of(options.text("data-dir", home.resolve(".conference-ops/chaos").toString()))
                .toAbsolutePath().normalize();
        Scenarios.Sizes full = Scenarios.Sizes.full();
        Scenarios.Sizes sizes = new Scenarios.Sizes(full.loadPerSecond(), full.faultAfter(), full.kafkaDown(),
                full.pause(), full.mongoDown(), full.fanOut(), full.poison(), full.idempotencyRounds(), full.seats(),
                options.duration("settle", full.settleLimit()));
        System.exit(run(home, data, Path.of(options.text("results-dir", home.resolve("bench/results").toString())),
                scenarios, sizes) ? 0 : 1);
    }

    static String usage() {
        return """
                usage: ./conference-ops chaos [--rebuild] [--scenarios=kafka-kill,kafka-pause,service-kill,\
                mongodb-restart,seats,poison,fixtures,idempotency] [--settle=120] [--results-dir=bench/results]
                  For each scenario, starts Kafka, MongoDB, SMTP + issuer and the four services as separate processes
                  (the local stack's ports; data in .conference-ops/chaos/<scenario>, wiped first), injects the fault
                  under load and checks the invariants; stops everything again.""";
    }

    private static boolean run(Path home, Path data, Path resultsDir, List<String> names, Scenarios.Sizes sizes) {
        wipe(data);
        Map<String, String> env = System.getenv();
        Map<String, Integer> services = new LinkedHashMap<>();
        services.put("registration-service", port(env, "REGISTRATION_PORT", 8081));
        services.put("session-service", port(env, "SESSION_PORT", 8082));
        services.put("pledge-service", port(env, "PLEDGE_PORT", 8083));
        services.put("notification-service", port(env, "NOTIFICATION_PORT", 8084));
        ChaosStack.Settings settings = new ChaosStack.Settings(home, data, port(env, "KAFKA_PORT", 19092),
                port(env, "KAFKA_CONTROLLER_PORT", 19093), port(env, "MONGO_PORT", 27018), port(env, "SMTP_PORT", 3025),
                port(env, "MAIL_UI_PORT", 8025), port(env, "ISSUER_PORT", 8090), services);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("startedAt", Instant.now().toString());
        run.put("machine", machine());
        run.put("settleLimitSeconds", sizes.settleLimit().toSeconds());
        List<ScenarioResult> results = new ArrayList<>();
        Map<String, Object> starts = new LinkedHashMap<>();
        run.put("stackStartSeconds", starts);
        // a fresh stack per scenario: a fault that leaves a service broken must not fail the next scenario too
        for (String name : names) {
            ChaosStack.Settings fresh = new ChaosStack.Settings(home, data.resolve(name), settings.kafkaPort(),
                    settings.kafkaControllerPort(), settings.mongoPort(), settings.smtpPort(), settings.inboxPort(),
                    settings.issuerPort(), services);
            System.out.println();
            System.out.println("chaos: starting a stack for " + name + " as separate processes (data and logs in "
                    + fresh.dataDir() + ")");
            long begin = System.nanoTime();
            try (ChaosStack stack = ChaosStack.start(fresh, System.out::println);
                    StackProbe probe = new StackProbe(stack.kafkaBootstrapServers(), stack.inbox(),
                            stack.endpoints().tokenUri())) {
                starts.put(name, Math.round((System.nanoTime() - begin) / 1e8) / 10.0);
                System.out.println("chaos: stack ready in " + starts.get(name) + " s");
                results.add(new Scenarios(stack, probe, sizes,
                        home.resolve("common-events/src/test/resources/fixtures"), System.out::println).run(name));
            }
            catch (RuntimeException e) {
                run.put("aborted", name + ": " + e.getMessage());
                System.out.println("chaos: aborted: " + e.getMessage());
                break;
            }
        }
        run.put("finishedAt", Instant.now().toString());
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd't'HHmmss").format(LocalDateTime.now(ZoneOffset.UTC));
        Path written = ChaosReport.write(resultsDir, stamp, run, results);
        System.out.println();
        System.out.println(ChaosReport.markdown(stamp, run, results));
        long failed = results.stream().filter(r -> !r.passed()).count();
        boolean passed = failed == 0 && !run.containsKey("aborted") && results.size() == names.size();
        System.out.println("chaos: " + (passed ? "PASS" : "FAIL") + " — " + (results.size() - failed) + " of "
                + names.size() + " scenarios passed; results in " + written);
        return passed;
    }

    private static void wipe(Path data) {
        if (!Files.isDirectory(data)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(data)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + data, e);
        }
    }

    private static int port(Map<String, String> env, String variable, int fallback) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.version"));
        try {
            machine.put("loadAverageAtStart", Files.readString(Path.of("/proc/loadavg")).strip());
        }
        catch (IOException e) {
            machine.put("loadAverageAtStart", "unknown");
        }
        return machine;
    }
}
