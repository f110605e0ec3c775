package org.conferenceops.bench.chaos;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.conferenceops.bench.Api;
import org.conferenceops.bench.StackEndpoints;
import org.conferenceops.bench.Tokens;
import org.conferenceops.bench.simulation.MemberStates;
import org.jspecify.annotations.Nullable;

/**
 * The load a scenario runs while the fault happens: focal points register delegates one by one across a few
 * delegations of a conference of its own, and organisers accredit each registered delegate, so that every
 * delegate's key carries two events in order. Every answer is recorded, acknowledged or not.
 */
final class Workload {

    private static final List<String> LANGUAGES = List.of("ar", "zh", "en", "fr", "ru", "es");

    /**
     * One request and its answer.
     *
     * @param kind {@code register} or {@code accredit}
     * @param status the HTTP status, 0 without an answer
     * @param delegateId the delegate (from the answer for a registration), or null
     * @param email the delegate's address
     * @param sentAtNanos when it was sent ({@link System#nanoTime()})
     * @param answeredAtNanos when the answer came
     */
    record Attempt(String kind, int status, @Nullable String delegateId, String email, long sentAtNanos,
            long answeredAtNanos) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final Api api = new Api(Duration.ofSeconds(60));
    private final StackEndpoints stack;
    private final Tokens tokens;
    private final String conference;
    private final List<String> delegations = new ArrayList<>();
    private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> refusals = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, String> delegationOfDelegate = new java.util.concurrent.ConcurrentHashMap<>();

    Workload(StackEndpoints stack, Tokens tokens, String scenario, int delegationCount) {
        this.stack = stack;
        this.tokens = tokens;
        this.conference = ("chaos-" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern(
                "MMddHHmmss")) + "-" + scenario).toLowerCase(Locale.ROOT);
        createConference(delegationCount);
    }

    String conference() {
        return conference;
    }

    List<String> delegations() {
        return List.copyOf(delegations);
    }

    private void createConference(int delegationCount) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", conference);
        body.put("name", "Resilience suite " + conference);
        body.put("city", "Accra");
        body.put("hostCountry", "GHA");
        body.put("startDate", today.plusDays(30).toString());
        body.put("endDate", today.plusDays(31).toString());
        body.put("timeZone", "Africa/Accra");
        body.put("mode", "HYBRID");
        body.put("workingLanguages", LANGUAGES);
        body.put("sizeRule", Map.of("representatives", 5, "alternates", 5, "advisers", 5000));
        api.post(registration("/api/conferences"), tokens.organizer(), body).requireOk("create " + conference);
        for (String code : MemberStates.CODES.subList(0, delegationCount)) {
            String email = "focal." + code.toLowerCase(Locale.ROOT) + "@" + conference + ".example.org";
            api.post(registration("/api/conferences/" + conference + "/delegations"), tokens.organizer(), Map.of(
                    "kind", "MEMBER_STATE", "code", code, "focalPoint", Map.of("name", "Focal point " + code,
                            "email", email))).requireOk("register delegation " + code);
            delegations.add(conference + "-" + code);
        }
    }

    /** A new delegate's registration body, with an address unique to this workload. */
    Map<String, Object> person() {
        int n = sequence.incrementAndGet();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("givenName", "Chaos");
        row.put("familyName", "Delegate " + n);
        row.put("email", "delegate." + n + "@" + conference + ".example.org");
        row.put("preferredLanguage", LANGUAGES.get(n % LANGUAGES.size()));
        row.put("role", "ADVISER");
        return row;
    }

    /** The delegation a registered delegate belongs to. */
    String delegationOf(String delegateId) {
        return delegationOfDelegate.get(delegateId);
    }

    /** Registers one delegate and, once acknowledged, accredits them; records both answers. */
    void registerAndAccredit(boolean accredit) {
        Map<String, Object> person = person();
        String email = (String) person.get("email");
        String delegation = delegations.get(Math.floorMod(email.hashCode(), delegations.size()));
        long sent = System.nanoTime();
        Api.Response registered = api.post(registration("/api/conferences/" + conference + "/delegations/"
                + delegation + "/delegates"), tokens.focalPoint(delegation), person);
        String id = registered.ok() ? registered.text("id") : null;
        if (id != null) {
            delegationOfDelegate.put(id, delegation);
        }
        attempts.add(new Attempt("register", registered.status(), id, email, sent, System.nanoTime()));
        if (!registered.ok()) {
            refusals.putIfAbsent("register " + registered.status(), abbreviate(registered.error() != null
                    ? registered.error() : registered.raw()));
        }
        if (accredit && id != null) {
            long again = System.nanoTime();
            Api.Response accredited = api.post(registration("/api/delegates/" + id + "/accreditation"),
                    tokens.organizer(), null);
            attempts.add(new Attempt("accredit", accredited.status(), id, email, again, System.nanoTime()));
        }
    }

    /**
     * Runs {@link #registerAndAccredit} at {@code perSecond} for {@code duration} (open loop: a stalled server
     * does not slow the senders down) while {@code during} runs on the caller's thread; waits for every answer.
     */
    void run(double perSecond, Duration duration, boolean accredit, Runnable during) {
        long interval = (long) (1_000_000_000L / perSecond);
        long total = (long) (duration.toNanos() / interval);
        ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
        Thread scheduler = Thread.ofPlatform().name("chaos-load").start(() -> {
            long start = System.nanoTime();
            for (long i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Pause.millis(wait / 1_000_000L);
                }
                senders.submit(() -> registerAndAccredit(accredit));
            }
        });
        try {
            during.run();
        }
        finally {
            try {
                scheduler.join();
                senders.shutdown();
                senders.awaitTermination(3, TimeUnit.MINUTES);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The first answer's body per refused kind and status, e.g. {@code register 409 → {"type":…}}. */
    Map<String, String> refusals() {
        return new java.util.TreeMap<>(refusals);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    List<Attempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    /** Acknowledged registrations: delegate id → address. */
    Map<String, String> registered() {
        return attempts().stream().filter(a -> a.kind().equals("register") && a.ok() && a.delegateId() != null)
                .collect(Collectors.toMap(Attempt::delegateId, Attempt::email, (a, b) -> a, LinkedHashMap::new));
    }

    /** Delegates whose accreditation was acknowledged. */
    List<String> accredited() {
        return attempts().stream().filter(a -> a.kind().equals("accredit") && a.ok()).map(Attempt::delegateId)
                .toList();
    }

    /** Answers per kind and status, e.g. {@code register 201 → 180}. */
    Map<String, Long> statusCounts() {
        return attempts().stream().collect(Collectors.groupingBy(a -> a.kind() + " " + a.status(), LinkedHashMap::new,
                Collectors.counting()));
    }

    /** Whether a delegate is stored: {@code GET /api/delegates/{id}} answers 200. */
    boolean stored(String delegateId) {
        return api.get(registration("/api/delegates/" + delegateId), tokens.organizer()).status() == 200;
    }

    /** {@code totalElements} of a registration-service search, as an organiser; -1 if it does not answer. */
    long count(String path) {
        return api.get(registration(path), tokens.organizer()).body().path("totalElements").asLong(-1);
    }

    Api api() {
        return api;
    }

    URI registration(String path) {
        return stack.registration().resolve(path);
    }
}
