package org.conferenceops.bench.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.conferenceops.bench.Api;
import org.conferenceops.bench.StackEndpoints;
import org.conferenceops.bench.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The faults, one scenario each: load over HTTP, the fault injected by pid while the load runs, then the
 * invariants. Sizes come from {@link Sizes} so the same scenarios run as the full suite and as the short CI version.
 */
public final class Scenarios {

    /**
     * How big each scenario is.
     *
     * @param loadPerSecond registrations (each followed by its accreditation) per second during a fault
     * @param faultAfter how long the load runs before the fault
     * @param kafkaDown how long the broker stays killed
     * @param pause how long the broker stays stopped (past the relay's 5 s request and 10 s send timeout)
     * @param mongoDown how long MongoDB stays stopped
     * @param fanOut recipients of the broadcast during which notification-service is killed
     * @param poison poison records (and as many good ones) injected
     * @param idempotencyRounds concurrent pairs of requests with one key, per kind
     * @param seats the capacity of the session rushed (by three times as many delegates) while MongoDB restarts
     * @param settleLimit the stated time for lag and backlog to return to zero
     */
    public record Sizes(double loadPerSecond, Duration faultAfter, Duration kafkaDown, Duration pause,
            Duration mongoDown, int fanOut, int poison, int idempotencyRounds, int seats, Duration settleLimit) {

        /** The full suite of {@code ./conference-ops chaos}. */
        public static Sizes full() {
            return new Sizes(10, Duration.ofSeconds(8), Duration.ofSeconds(6), Duration.ofSeconds(15),
                    Duration.ofSeconds(6), 200, 12, 5, 20, Duration.ofSeconds(120));
        }

        /** The short CI version. */
        public static Sizes ci() {
            return new Sizes(5, Duration.ofSeconds(5), Duration.ofSeconds(4), Duration.ofSeconds(12),
                    Duration.ofSeconds(4), 40, 6, 3, 10, Duration.ofSeconds(90));
        }
    }

    /**
     * How many SMTP connections one fan-out batch uses at most (notification-service's default
     * {@code conference-ops.notifications.connections}): when it is killed, at most one message per connection can
     * have been accepted by the server without being recorded, and is sent again under its Message-ID.
     */
    static final int BROADCAST_CONNECTIONS = 4;

    /** Every scenario name, in the order the full suite runs them. */
    public static final List<String> ALL = List.of("kafka-kill", "kafka-pause", "poison", "fixtures", "idempotency",
            "service-kill", "mongodb-restart", "seats");

    private final ChaosStack stack;
    private final StackProbe probe;
    private final StackEndpoints endpoints;
    private final Tokens tokens;
    private final Sizes sizes;
    private final Path fixtures;
    private final Consumer<String> progress;
    private final Invariants invariants;

    public Scenarios(ChaosStack stack, StackProbe probe, Sizes sizes, Path fixtures, Consumer<String> progress) {
        this.stack = stack;
        this.probe = probe;
        this.endpoints = stack.endpoints();
        this.tokens = probe.tokens();
        this.sizes = sizes;
        this.fixtures = fixtures;
        this.progress = progress;
        this.invariants = new Invariants(stack, probe, sizes.settleLimit());
    }

    /** Runs one scenario by name; a scenario that throws is recorded as aborted, never thrown. */
    public ScenarioResult run(String name) {
        progress.accept("");
        progress.accept("== " + name + " ==");
        ScenarioResult result = switch (name) {
            case "kafka-kill" -> new ScenarioResult(name, "Kafka broker SIGKILLed mid-stream, restarted after "
                    + sizes.kafkaDown().toSeconds() + " s", progress);
            case "kafka-pause" -> new ScenarioResult(name, "Kafka broker SIGSTOPped for " + sizes.pause().toSeconds()
                    + " s (past the relay's request and send timeouts), then SIGCONT", progress);
            case "service-kill" -> new ScenarioResult(name, "notification-service SIGKILLed mid-fan-out of a "
                    + "broadcast, restarted", progress);
            case "mongodb-restart" -> new ScenarioResult(name, "MongoDB server stopped (SIGTERM) under load, "
                    + "restarted after " + sizes.mongoDown().toSeconds() + " s", progress);
            case "seats" -> new ScenarioResult(name, "MongoDB server stopped (SIGTERM) during a booking rush of "
                    + sizes.seats() * 3 + " delegates for " + sizes.seats() + " seats, restarted after "
                    + sizes.mongoDown().toSeconds() + " s", progress);
            case "poison" -> new ScenarioResult(name, "poison records among good ones on "
                    + Invariants.REGISTRATION_TOPIC + ", and a newer-contract event (unknown field, unknown enum "
                    + "value)", progress);
            case "fixtures" -> new ScenarioResult(name, "every golden fixture version replayed to its topic",
                    progress);
            case "idempotency" -> new ScenarioResult(name, "the same request twice at once with one Idempotency-Key",
                    progress);
            default -> throw new IllegalArgumentException("unknown scenario " + name + "; known: " + ALL);
        };
        long begin = System.nanoTime();
        try {
            switch (name) {
                case "kafka-kill" -> kafkaKill(result);
                case "kafka-pause" -> kafkaPause(result);
                case "service-kill" -> serviceKill(result);
                case "mongodb-restart" -> mongoRestart(result);
                case "seats" -> seats(result);
                case "poison" -> poison(result);
                case "fixtures" -> fixtures(result);
                default -> idempotency(result);
            }
        }
        catch (RuntimeException e) {
            result.abort(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        finally {
            healEverything();
        }
        result.figure("scenarioSeconds", Math.round((System.nanoTime() - begin) / 1e8) / 10.0);
        progress.accept("== " + name + ": " + (result.passed() ? "PASS" : "FAIL") + " ==");
        return result;
    }

    // --- Kafka ----------------------------------------------------------------------------------------------

    private void kafkaKill(ScenarioResult result) {
        ChildProcess kafka = stack.process(ChaosStack.KAFKA);
        loadWithFault(result, "kk", () -> {
            Pause.millis(sizes.faultAfter().toMillis());
            progress.accept("  SIGKILL kafka (pid " + kafka.pid() + ")");
            kafka.kill();
            Pause.millis(sizes.kafkaDown().toMillis());
            Duration restart = stack.restart(ChaosStack.KAFKA);
            result.figure("kafkaRestartSeconds", restart.toMillis() / 1000.0);
        }, true);
    }

    private void kafkaPause(ScenarioResult result) {
        ChildProcess kafka = stack.process(ChaosStack.KAFKA);
        loadWithFault(result, "kp", () -> {
            Pause.millis(sizes.faultAfter().toMillis());
            progress.accept("  SIGSTOP kafka (pid " + kafka.pid() + ") for " + sizes.pause().toSeconds() + " s");
            kafka.pause();
            Pause.millis(sizes.pause().toMillis());
            kafka.resume();
            progress.accept("  SIGCONT kafka");
        }, true);
    }

    /**
     * Load during the fault (which runs on this thread), then: the answers were all 2xx when only Kafka is hit
     * (commands never wait for the broker), acknowledged = stored, published in order, e-mailed once, settled.
     */
    private Workload loadWithFault(ScenarioResult result, String tag, Runnable fault, boolean allAccepted) {
        Map<String, Map<TopicPartition, Long>> from = invariants.snapshot();
        Workload workload = new Workload(endpoints, tokens, tag, 5);
        Duration duration = sizes.faultAfter().plus(sizes.pause()).plusSeconds(8);
        progress.accept("  load: " + sizes.loadPerSecond() + " registrations + accreditations/s for "
                + duration.toSeconds() + " s on " + workload.conference());
        workload.run(sizes.loadPerSecond(), duration, true, fault);
        Map<String, Long> answers = workload.statusCounts();
        result.figure("answers", answers);
        result.figure("refusals", workload.refusals());
        progress.accept("  answers: " + answers);
        if (allAccepted) {
            long refused = workload.attempts().stream().filter(a -> !a.ok()).count();
            result.check("commands accepted while Kafka is away (no 5xx, no timeout)", refused == 0,
                    workload.attempts().size() + " requests, " + refused + " not 2xx " + answers);
        }
        invariants.acknowledgedAreStored(result, workload);
        invariants.settles(result);
        invariants.publishedInOrder(result, workload, from.get(Invariants.REGISTRATION_TOPIC));
        if (stack.services().contains("notification-service")) {
            java.util.Set<String> accredited = new java.util.HashSet<>(workload.accredited());
            Map<String, Integer> owed = new LinkedHashMap<>();
            workload.registered().forEach((id, email) -> owed.put(email, accredited.contains(id) ? 2 : 1));
            invariants.notifiedOnce(result, owed, 0);
        }
        invariants.deadLettersHaveReasons(result, from, true);
        invariants.allReady(result);
        return workload;
    }

    // --- a service killed mid-fan-out -----------------------------------------------------------------------

    private void serviceKill(ScenarioResult result) {
        Map<String, Map<TopicPartition, Long>> from = invariants.snapshot();
        Workload workload = new Workload(endpoints, tokens, "sk", 1);
        progress.accept("  registering " + sizes.fanOut() + " delegates on " + workload.conference());
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < sizes.fanOut(); i++) {
                pool.submit(() -> workload.registerAndAccredit(false));
            }
        }
        Map<String, String> registered = workload.registered();
        // notification-service knows a recipient once it sent their registration e-mail
        Map<String, Integer> confirmations = new LinkedHashMap<>();
        registered.values().forEach(email -> confirmations.put(email, 1));
        invariants.notifiedOnce(result, confirmations, 0);
        String subject = "Chaos broadcast " + workload.conference();
        Api.Response broadcast = workload.api().post(endpoints.notification().resolve("/api/conferences/"
                + workload.conference() + "/broadcasts"), tokens.organizer(), Map.of(
                        "audience", Map.of("delegationId", workload.delegations().getFirst()),
                        "subject", Map.of("en", subject), "body", Map.of("en", "A resilience test message."),
                        "urgent", true));
        result.check("broadcast accepted for every registered delegate", broadcast.ok()
                && broadcast.body().path("recipients").asInt() == registered.size(), "HTTP " + broadcast.status()
                + ", recipients " + broadcast.body().path("recipients").asInt() + " of " + registered.size());
        ChildProcess notification = stack.process("notification-service");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long delivered = 0;
        while (delivered == 0 && System.nanoTime() < deadline) {
            delivered = countSubject(subject);
            if (delivered == 0) {
                Pause.millis(50);
            }
        }
        progress.accept("  SIGKILL notification-service (pid " + notification.pid() + ") after " + delivered
                + " of " + registered.size() + " broadcast e-mails");
        notification.kill();
        long atKill = countSubject(subject);
        result.figure("deliveredBeforeKill", atKill);
        result.figure("recipients", registered.size());
        Duration restart = stack.restart("notification-service");
        result.figure("serviceRestartSeconds", restart.toMillis() / 1000.0);
        result.check("the kill happened mid-fan-out", atKill > 0 && atKill < registered.size(),
                atKill + " of " + registered.size() + " delivered when killed");
        Map<String, Integer> owed = new LinkedHashMap<>();
        registered.values().forEach(email -> owed.put(email, 2));
        // what was in flight on each SMTP connection when the process died may have been accepted unrecorded
        invariants.notifiedOnce(result, owed, BROADCAST_CONNECTIONS);
        long broadcasts = Invariants.distinctMessages(probe.messages().stream()
                .filter(m -> subject.equals(m.path("subject").asString(""))).toList());
        result.check("each recipient got the broadcast exactly once", broadcasts == registered.size(),
                broadcasts + " broadcast e-mails (distinct Message-IDs) for " + registered.size() + " recipients");
        invariants.settles(result);
        invariants.deadLettersHaveReasons(result, from, true);
        invariants.allReady(result);
    }

    private long countSubject(String subject) {
        return probe.messages().stream().filter(m -> subject.equals(m.path("subject").asString(""))).count();
    }

    // --- MongoDB --------------------------------------------------------------------------------------------

    private void mongoRestart(ScenarioResult result) {
        ChildProcess mongo = stack.process(ChaosStack.MONGO);
        long[] window = new long[2];
        Workload workload = loadWithFault(result, "mr", () -> {
            Pause.millis(sizes.faultAfter().toMillis());
            progress.accept("  SIGTERM mongodb (pid " + mongo.pid() + ")");
            window[0] = System.nanoTime();
            mongo.terminate(30);
            Pause.millis(sizes.mongoDown().toMillis());
            Duration restart = stack.restart(ChaosStack.MONGO);
            window[1] = System.nanoTime();
            result.figure("mongoRestartSeconds", restart.toMillis() / 1000.0);
        }, false);
        List<Workload.Attempt> attempts = workload.attempts();
        Map<String, Long> outside = attempts.stream().filter(a -> !a.ok() && a.status() != 503)
                .collect(Collectors.groupingBy(a -> a.kind() + " " + a.status(), Collectors.counting()));
        long unavailable = attempts.stream().filter(a -> a.status() == 503).count();
        long duringOutage = attempts.stream().filter(a -> a.answeredAtNanos() >= window[0]
                && a.sentAtNanos() <= window[1]).count();
        result.figure("answered503", unavailable);
        result.check("writes during the outage answered 503 (no other error, no timeout)", outside.isEmpty(),
                duringOutage + " requests overlapped the outage, " + unavailable + " answered 503, other failures "
                        + outside);
        // a refused write whose delegate exists anyway: the client was told it failed although it was stored
        List<String> refusedButStored = attempts.stream().filter(a -> a.kind().equals("register") && !a.ok())
                .map(Workload.Attempt::email).filter(email -> workload.count("/api/conferences/"
                        + workload.conference() + "/delegates?q=" + URLEncoder.encode(email, StandardCharsets.UTF_8))
                        > 0).toList();
        result.figure("refusedButStored", refusedButStored);
        result.check("a refused registration was not stored", refusedButStored.isEmpty(),
                refusedButStored.size() + " refused registrations exist anyway" + Invariants.sample(refusedButStored));
        long lateFailures = attempts.stream().filter(a -> a.sentAtNanos() > window[1] + 5_000_000_000L && !a.ok())
                .count();
        result.check("commands succeed again within 5 s of MongoDB's return", lateFailures == 0,
                lateFailures + " failures later than 5 s after the restart");
    }

    /**
     * A booking rush while MongoDB restarts: every delegate retries while answered 503 (as a client should); the
     * session never holds more confirmed seats than its capacity, and every acknowledged booking exists.
     */
    private void seats(ScenarioResult result) {
        if (!stack.services().contains("session-service")) {
            throw new IllegalStateException("needs session-service");
        }
        Workload workload = new Workload(endpoints, tokens, "st", 3);
        int rushers = sizes.seats() * 3;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < rushers; i++) {
                pool.submit(() -> workload.registerAndAccredit(true));
            }
        }
        List<String> accredited = workload.accredited();
        Api api = workload.api();
        String organizer = tokens.organizer();
        String conference = workload.conference();
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30);
        api.post(endpoints.session().resolve("/api/conferences/" + conference + "/meetings"), organizer, Map.of(
                "id", conference + "-m", "title", "Ministerial", "city", "Accra", "mode", "HYBRID", "firstDay",
                day.toString(), "lastDay", day.plusDays(1).toString(), "timeZone", "Africa/Accra"))
                .requireOk("create meeting");
        String warmUp = session(api, organizer, conference, "warm", rushers + 10, day, 9);
        String rush = session(api, organizer, conference, "rush", sizes.seats(), day, 12);
        // session-service learns accreditations from events: book a roomy session first until it knows everyone
        long deadline = System.nanoTime() + sizes.settleLimit().toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (String id : accredited) {
                pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        Api.Response response = api.post(endpoints.session().resolve("/api/sessions/" + warmUp
                                + "/bookings"), tokens.delegate(workload.delegationOf(id), id), Map.of());
                        if (response.ok()) {
                            return;
                        }
                        Pause.millis(250);
                    }
                });
            }
        }
        ChildProcess mongo = stack.process(ChaosStack.MONGO);
        Map<String, Integer> answered = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Long> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String id : accredited) {
                pool.submit(() -> {
                    go.await();
                    long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                    while (true) {
                        Api.Response response = api.post(endpoints.session().resolve("/api/sessions/" + rush
                                + "/bookings"), tokens.delegate(workload.delegationOf(id), id), Map.of());
                        statuses.merge(Integer.toString(response.status()), 1L, Long::sum);
                        if (response.ok() || response.status() != 503 && response.status() != 0
                                || System.nanoTime() > until) {
                            answered.put(id, response.status());
                            return null;
                        }
                        Pause.millis(200);
                    }
                });
            }
            go.countDown();
            Pause.millis(150);
            progress.accept("  SIGTERM mongodb (pid " + mongo.pid() + ") during the rush of " + accredited.size());
            mongo.terminate(30);
            Pause.millis(sizes.mongoDown().toMillis());
            result.figure("mongoRestartSeconds", stack.restart(ChaosStack.MONGO).toMillis() / 1000.0);
        }
        result.figure("answers", statuses);
        progress.accept("  answers (including retries): " + statuses);
        List<JsonNode> bookings = new ArrayList<>();
        api.get(endpoints.session().resolve("/api/sessions/" + rush + "/bookings"), organizer)
                .requireOk("bookings of " + rush).body().forEach(bookings::add);
        long confirmed = bookings.stream().filter(b -> "CONFIRMED".equals(b.path("status").asString())).count();
        java.util.Set<String> booked = bookings.stream().map(b -> b.path("delegateId").asString())
                .collect(Collectors.toSet());
        List<String> lost = answered.entrySet().stream().filter(e -> e.getValue() >= 200 && e.getValue() < 300
                && !booked.contains(e.getKey())).map(Map.Entry::getKey).toList();
        long failed = answered.values().stream().filter(s -> s < 200 || s >= 300).count();
        result.figure("confirmed", confirmed);
        result.figure("bookings", bookings.size());
        result.check("seat capacity never exceeded", confirmed <= sizes.seats(), confirmed + " confirmed for "
                + sizes.seats() + " seats");
        result.check("every acknowledged booking is stored", lost.isEmpty() && !answered.isEmpty(), answered.size()
                + " delegates answered, " + lost.size() + " 2xx bookings missing" + Invariants.sample(lost));
        result.check("every delegate booked in the end (retrying 503 only)", failed == 0, failed
                + " delegates without a 2xx after retrying; answers " + statuses);
        // a seat counted but whose booking was never stored is what the documented reconciliation repairs (ADR 012):
        // it repairs a counter found wrong twice, a grace apart (SESSION_SEATS_RECONCILE_GRACE, 1 min)
        long repairDeadline = System.nanoTime() + sizes.settleLimit().toNanos();
        long confirmedAfter = confirmed;
        List<String> reconciliations = new ArrayList<>();
        while (confirmedAfter < Math.min(sizes.seats(), answered.size()) && System.nanoTime() < repairDeadline) {
            Api.Response reconciled = api.post(endpoints.session().resolve("/api/sessions/" + rush
                    + "/seat-counters/reconciliation"), organizer, null);
            reconciliations.add(reconciled.status() + " " + reconciled.body().path(0).path("outcome").asString(""));
            confirmedAfter = api.get(endpoints.session().resolve("/api/sessions/" + rush + "/bookings"), organizer)
                    .requireOk("bookings of " + rush).body().valueStream()
                    .filter(b -> "CONFIRMED".equals(b.path("status").asString())).count();
            if (confirmedAfter < Math.min(sizes.seats(), answered.size())) {
                Pause.millis(5000);
            }
        }
        result.figure("reconciliations", reconciliations.stream().distinct().toList());
        result.figure("confirmedAfterReconciliation", confirmedAfter);
        result.check("no seat lost in the outage", confirmed == Math.min(sizes.seats(), answered.size()),
                confirmed + " confirmed for " + sizes.seats() + " seats right after the rush");
        result.check("every seat taken after the documented reconciliation", confirmedAfter <= sizes.seats()
                && confirmedAfter == Math.min(sizes.seats(), answered.size()), confirmedAfter + " confirmed for "
                        + sizes.seats() + " seats after POST …/seat-counters/reconciliation " + reconciliations.size()
                        + " times " + reconciliations.stream().distinct().toList());
        invariants.settles(result);
        invariants.allReady(result);
    }

    private String session(Api api, String organizer, String conference, String name, int capacity,
            java.time.LocalDate day, int hour) {
        api.post(endpoints.session().resolve("/api/conferences/" + conference + "/rooms"), organizer, Map.of(
                "id", conference + "-" + name, "name", "Room " + name, "capacity", capacity))
                .requireOk("create room " + name);
        Instant start = day.atTime(hour, 0).toInstant(java.time.ZoneOffset.UTC);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meetingId", conference + "-m");
        body.put("track", "Resilience");
        body.put("title", "Session " + name);
        body.put("roomId", conference + "-" + name);
        body.put("mode", "IN_PERSON");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(Duration.ofHours(2)).toString());
        body.put("virtualCapacity", 0);
        return api.post(endpoints.session().resolve("/api/conferences/" + conference + "/sessions"), organizer, body)
                .requireOk("schedule " + name).text("id");
    }

    // --- poison, newer contract, fixtures -------------------------------------------------------------------

    private void poison(ScenarioResult result) {
        Map<String, Map<TopicPartition, Long>> from = invariants.snapshot();
        Workload workload = new Workload(endpoints, tokens, "pz", 1);
        String delegation = workload.delegations().getFirst();
        List<String> envelopeJunk = List.of("this is not JSON", "{\"specversion\":\"1.0\"}", "[1,2,3]",
                "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"registration.DelegateRegistered\"}");
        Map<String, Integer> owed = new LinkedHashMap<>();
        List<String> poisonKeys = new ArrayList<>();
        List<String> contractKeys = new ArrayList<>();
        for (int i = 0; i < sizes.poison(); i++) {
            String key = "poison-" + UUID.randomUUID();
            if (i % 3 == 2) {
                // a well-formed envelope whose data breaks the contract (subject and delegate id differ, no e-mail)
                ObjectNode event = delegateRegistered(workload, delegation, "x-" + i + "@example.org");
                ((ObjectNode) event.path("data")).remove("email");
                event.put("subject", key);
                probe.produce(Invariants.REGISTRATION_TOPIC, key, bytes(event));
                contractKeys.add(key);
            }
            else {
                probe.produce(Invariants.REGISTRATION_TOPIC, key,
                        envelopeJunk.get(i % envelopeJunk.size()).getBytes(StandardCharsets.UTF_8));
                poisonKeys.add(key);
            }
            String email = "good." + i + "@" + workload.conference() + ".example.org";
            ObjectNode good = delegateRegistered(workload, delegation, email);
            probe.produce(Invariants.REGISTRATION_TOPIC, good.path("subject").asString(), bytes(good));
            owed.put(email, 1);
        }
        // a newer producer: an attribute and a data field this build does not know, a language it has no constant for
        String newerEmail = "newer.contract@" + workload.conference() + ".example.org";
        ObjectNode newer = delegateRegistered(workload, delegation, newerEmail);
        newer.put("chaosextension", "from-a-newer-producer");
        ((ObjectNode) newer.path("data")).put("preferredLanguage", "ko");
        ((ObjectNode) newer.path("data")).put("dietaryRequirements", "halal");
        ((ObjectNode) newer.path("data")).putObject("badgeColour").put("front", "gold");
        probe.produce(Invariants.REGISTRATION_TOPIC, newer.path("subject").asString(), bytes(newer));
        progress.accept("  produced " + poisonKeys.size() + " malformed + " + contractKeys.size()
                + " contract-breaking records among " + owed.size() + " good ones, and 1 newer-contract event");
        owed.put(newerEmail, 1);
        invariants.settles(result);
        invariants.notifiedOnce(result, owed, 0);
        List<StackProbe.Record> dead = invariants.deadLettersHaveReasons(result, from, false);
        for (String consumer : invariants.consumers()) {
            String dlq = Invariants.dlq(consumer);
            List<String> keys = dead.stream().filter(r -> r.topic().equals(dlq)).map(StackProbe.Record::key).toList();
            List<String> missing = poisonKeys.stream().filter(k -> !keys.contains(k)).toList();
            result.check(consumer + " dead-letters every malformed record", missing.isEmpty(),
                    poisonKeys.size() + " malformed, " + missing.size() + " not in " + dlq);
            if (consumer.equals("notification-service")) {
                List<String> missingContract = contractKeys.stream().filter(k -> !keys.contains(k)).toList();
                result.check(consumer + " dead-letters every contract-breaking event it handles",
                        missingContract.isEmpty(), contractKeys.size() + " sent, " + missingContract.size()
                                + " not in " + dlq);
            }
            long good = dead.stream().filter(r -> r.topic().equals(dlq) && r.key() != null
                    && !poisonKeys.contains(r.key()) && !contractKeys.contains(r.key())).count();
            result.check(consumer + " dead-letters no good event", good == 0, good + " good events dead-lettered");
        }
        result.figure("reasons", dead.stream().map(StackProbe.Record::reason).distinct().limit(10).toList());
        invariants.allReady(result);
    }

    private ObjectNode delegateRegistered(Workload workload, String delegation, String email) {
        String delegateId = "chaos-" + UUID.randomUUID();
        ObjectNode event = Api.JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("type", "registration.DelegateRegistered");
        event.put("source", "/conference-ops/chaos-suite");
        event.put("subject", delegateId);
        event.put("time", Instant.now().toString());
        event.put("datacontenttype", "application/json");
        event.put("dataversion", 1);
        event.put("correlationid", "chaos-" + workload.conference());
        event.put("aggregateversion", 1);
        ObjectNode data = event.putObject("data");
        data.put("delegateId", delegateId);
        data.put("conferenceId", workload.conference());
        data.put("delegationId", delegation);
        data.put("givenName", "Poison");
        data.put("familyName", "Neighbour");
        data.put("email", email);
        data.put("preferredLanguage", "fr");
        data.put("registeredAt", Instant.now().toString());
        return event;
    }

    private void fixtures(ScenarioResult result) {
        Map<String, Map<TopicPartition, Long>> from = invariants.snapshot();
        Map<String, String> replayed = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(fixtures)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list the golden fixtures in " + fixtures, e);
        }
        for (Path file : files) {
            ObjectNode event;
            try {
                event = (ObjectNode) Api.JSON.readTree(Files.readString(file));
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            // a fresh id, so that a consumer that remembers earlier runs' ids still processes it
            String id = UUID.randomUUID().toString();
            event.put("id", id);
            String type = event.path("type").asString();
            String topic = "conference-ops." + type.substring(0, type.indexOf('.'));
            probe.produce(topic, event.path("subject").asString(null), bytes(event));
            replayed.put(id, fixtures.relativize(file).toString());
        }
        progress.accept("  replayed " + replayed.size() + " fixtures");
        result.check("every golden fixture found and replayed", !replayed.isEmpty(), replayed.size() + " from "
                + fixtures);
        invariants.settles(result);
        List<StackProbe.Record> dead = invariants.deadLettersHaveReasons(result, from, false);
        Map<String, String> deadFixtures = new LinkedHashMap<>();
        for (StackProbe.Record record : dead) {
            String fixture = replayed.get(record.id());
            if (fixture != null) {
                deadFixtures.put(fixture + " @ " + record.topic(), record.reason());
            }
        }
        result.figure("fixturesDeadLettered", deadFixtures);
        result.check("every fixture accepted or dead-lettered with its reason",
                deadFixtures.values().stream().allMatch(r -> r != null && !r.isBlank()),
                (replayed.size()) + " replayed, " + deadFixtures.size() + " dead-lettered (with reasons), the rest "
                        + "consumed or skipped as not handled");
        invariants.allReady(result);
    }

    private static byte[] bytes(JsonNode node) {
        return Api.JSON.writeValueAsBytes(node);
    }

    // --- idempotency ----------------------------------------------------------------------------------------

    private void idempotency(ScenarioResult result) {
        Workload workload = new Workload(endpoints, tokens, "id", 1);
        String delegation = workload.delegations().getFirst();
        Api api = workload.api();
        String focalPoint = tokens.focalPoint(delegation);
        String base = "/api/conferences/" + workload.conference() + "/delegations/" + delegation + "/delegates";
        List<String> answers = new ArrayList<>();
        int singleDuplicates = 0;
        int bulkDuplicates = 0;
        boolean badAnswer = false;
        for (int round = 0; round < sizes.idempotencyRounds(); round++) {
            Map<String, Object> person = workload.person();
            List<Api.Response> single = twice(() -> api.send("POST", endpoints.registration().resolve(base),
                    focalPoint, person, Map.of("Idempotency-Key", "chaos-" + UUID.randomUUID() + "-s")));
            answers.add("single " + statuses(single));
            badAnswer |= !acceptable(single);
            if (count(api, "/api/conferences/" + workload.conference() + "/delegates?q="
                    + URLEncoder.encode((String) person.get("email"), StandardCharsets.UTF_8)) != 1) {
                singleDuplicates++;
            }

            List<Map<String, Object>> rows = List.of(workload.person(), workload.person(), workload.person());
            String bulkKey = "chaos-" + UUID.randomUUID() + "-b";
            List<Api.Response> bulk = twice(() -> api.send("POST", endpoints.registration().resolve(base + "/bulk"),
                    focalPoint, rows, Map.of("Idempotency-Key", bulkKey)));
            answers.add("bulk " + statuses(bulk));
            badAnswer |= !acceptable(bulk);
            for (Map<String, Object> row : rows) {
                if (count(api, "/api/conferences/" + workload.conference() + "/delegates?q="
                        + URLEncoder.encode((String) row.get("email"), StandardCharsets.UTF_8)) != 1) {
                    bulkDuplicates++;
                }
            }
        }
        result.figure("answers", answers);
        result.check("a registration sent twice at once with one key makes one delegate", singleDuplicates == 0,
                sizes.idempotencyRounds() + " rounds, " + singleDuplicates + " with other than one delegate");
        result.check("a bulk upload sent twice at once with one key registers each row once", bulkDuplicates == 0,
                sizes.idempotencyRounds() * 3 + " rows, " + bulkDuplicates + " with other than one delegate");
        if (stack.services().contains("pledge-service")) {
            String state = delegation.substring(delegation.lastIndexOf('-') + 1);
            for (int round = 0; round < sizes.idempotencyRounds(); round++) {
                Map<String, Object> body = Map.of("offer", Map.of("category", "FORMED_POLICE_UNIT", "units", 1,
                        "personnel", 140, "womenPersonnel", 30, "description", "Chaos pledge " + round + " of "
                                + state, "descriptionLanguage", "en"));
                String key = "chaos-" + UUID.randomUUID() + "-p";
                // pledge-service learns delegations from events: while both answers are 422 nothing was created
                long until = System.nanoTime() + sizes.settleLimit().toNanos();
                List<Api.Response> pledge;
                do {
                    pledge = twice(() -> api.send("POST", endpoints.pledge().resolve("/api/conferences/"
                            + workload.conference() + "/pledges"), focalPoint, body, Map.of("Idempotency-Key", key)));
                }
                while (pledge.stream().allMatch(r -> r.status() == 422) && System.nanoTime() < until
                        && pause(500));
                answers.add("pledge " + statuses(pledge));
                badAnswer |= !acceptable(pledge);
            }
            JsonNode pledges = api.get(endpoints.pledge().resolve("/api/conferences/" + workload.conference()
                    + "/pledges"), tokens.organizer()).body();
                        result.check("a pledge sent twice at once with one key makes one pledge", pledges.size() == sizes.idempotencyRounds(),
                    sizes.idempotencyRounds() + " rounds, " + pledges.size() + " pledges stored");
        }
        result.check("each pair answered 2xx (same resource) or 409 for the one still in progress, never 5xx",
                !badAnswer, String.join("; ", answers));
        invariants.allReady(result);
    }

    /** Both answers 2xx or 409, at least one 2xx, and 2xx answers name the same resource. */
    private static boolean acceptable(List<Api.Response> pair) {
        List<Api.Response> ok = pair.stream().filter(Api.Response::ok).toList();
        boolean statuses = pair.stream().allMatch(r -> r.ok() || r.status() == 409) && !ok.isEmpty();
        List<String> ids = ok.stream().map(r -> String.valueOf(r.text("id") != null ? r.text("id")
                : r.body().path("delegates").toString())).distinct().toList();
        return statuses && ids.size() == 1;
    }

    private static String statuses(List<Api.Response> pair) {
        return pair.stream().map(r -> Integer.toString(r.status())).collect(Collectors.joining("+"));
    }

    private int count(Api api, String path) {
        return (int) api.get(endpoints.registration().resolve(path), tokens.organizer()).body()
                .path("totalElements").asLong(-1);
    }

    private static boolean pause(long millis) {
        Pause.millis(millis);
        return true;
    }

    /** Sends the same request from two threads released at the same instant. */
    private static List<Api.Response> twice(Supplier<Api.Response> request) {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        }
        catch (Exception e) {
            throw new IllegalStateException("concurrent pair failed: " + e.getMessage(), e);
        }
    }

    /** Resumes a paused broker and restarts anything a failed scenario left down, so the next one starts clean. */
    private void healEverything() {
        for (String name : List.of(ChaosStack.KAFKA, ChaosStack.MONGO, ChaosStack.MAIL_ISSUER)) {
            ChildProcess process = stack.process(name);
            process.resume();
            if (!process.isAlive()) {
                stack.restart(name);
            }
        }
        for (String service : stack.services()) {
            if (!stack.process(service).isAlive()) {
                stack.restart(service);
            }
        }
    }
}
