package org.conferenceops.bench.simulation;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.conferenceops.bench.Api;
import org.conferenceops.bench.StackEndpoints;
import org.conferenceops.bench.Tokens;
import org.conferenceops.bench.simulation.SimulationReport.Check;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Plays a ministerial against a running stack, as its users would, through the services' HTTP APIs only:
 *
 * <ol>
 *   <li>an organiser creates the edition; member-state delegations are registered, their focal points' contacts
 *       given to notification-service;</li>
 *   <li>focal points register their delegates — one in three delegations uploads its list in bulk (and retries the
 *       upload with the same {@code Idempotency-Key}), the others one by one; every delegate has one of the six
 *       UN languages;</li>
 *   <li>organisers accredit most and reject one in twenty, and issue badges to the accredited;</li>
 *   <li>the programme: an opening plenary with few seats, the four Seoul 2021 tracks and a pledging session; every
 *       accredited delegate books a track, then all rush the plenary at once;</li>
 *   <li>check-in at two entrances, with some badges scanned twice;</li>
 *   <li>two in three states pledge (one joint helicopter unit of three states); organisers acknowledge and announce
 *       each pledge in the pledging session against a helicopter requirement;</li>
 *   <li>one track goes virtual at short notice, as Seoul 2021 did;</li>
 *   <li>then it waits for the services to settle and compares their state — registrations, seats, check-ins,
 *       pledges, the gap, notifications per kind, channel and language, and the SMTP inbox — with what it did.</li>
 * </ol>
 *
 * Every run creates its own edition, so runs never disturb each other and need no cleanup.
 */
public final class MinisterialSimulation {

    private static final List<String> LANGUAGES = List.of("ar", "zh", "en", "fr", "ru", "es");
    private static final List<String> GIVEN = List.of("Amina", "Wei", "Claire", "Dmitri", "Lucia", "Kwame", "Min-jun",
            "Ingrid", "Farhan", "Aisha", "Jonas", "Mariana", "Kofi", "Yuki", "Olga", "Tariq");
    private static final List<String> FAMILY = List.of("Haddad", "Chen", "Dubois", "Volkov", "Garcia", "Mensah", "Kim",
            "Larsen", "Rahman", "Bello", "Schmidt", "Silva", "Asante", "Tanaka", "Petrova", "Aziz");
    private static final List<String> TRACKS = List.of("Sustaining peace",
            "Partnerships, training and capacity-building", "Performance and accountability",
            "Protection of civilians, safety and security");
    private static final List<String> ENTRANCES = List.of("north", "south");
    private static final ZoneId ZONE = ZoneId.of("Asia/Seoul");

    private final StackEndpoints stack;
    private final SimulationSettings settings;
    private final Consumer<String> progress;
    // a client as the services ask for: a 503 with Retry-After (busy, nothing stored) is sent again
    private final Api api = Api.retryingWhenUnavailable(Duration.ofSeconds(30), 5);
    private final Tokens tokens;
    private final String conference;
    private final List<Check> checks = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Long> done = new TreeMap<>();

    private final List<DelegationRecord> delegations = new ArrayList<>();
    private final List<DelegateRecord> delegates = Collections.synchronizedList(new ArrayList<>());
    private final List<PledgeRecord> pledges = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> sessions = new LinkedHashMap<>();
    private int plenaryCapacity;
    private int step;

    private record DelegationRecord(String id, String code, String focalEmail, String focalLanguage) {
    }

    private static final class DelegateRecord {
        final String id;
        final String delegationId;
        final String email;
        final String language;
        volatile boolean accredited;
        volatile boolean rejected;
        volatile @Nullable String qr;
        volatile @Nullable String entrance;

        DelegateRecord(String id, String delegationId, String email, String language) {
            this.id = id;
            this.delegationId = delegationId;
            this.email = email;
            this.language = language;
        }
    }

    private record PledgeRecord(String id, String delegationId, String category, int units) {
    }

    /**
     * A simulation of a stack.
     *
     * @param progress receives one line per step and progress within long steps
     */
    public MinisterialSimulation(StackEndpoints stack, SimulationSettings settings, Consumer<String> progress) {
        this.stack = stack;
        this.settings = settings;
        this.progress = progress;
        this.tokens = new Tokens(api, stack.tokenUri());
        this.conference = settings.conferenceId();
    }

    /** Runs the whole ministerial and the cross-checks. */
    public SimulationReport run() {
        long begin = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency());
        try {
            step("edition " + conference + " and " + settings.delegations() + " delegations");
            createConference();
            registerDelegations(pool);
            step("registering " + settings.delegates() + " delegates (one in three delegations in bulk)");
            registerDelegates(pool);
            step("accreditation: most accredited, one in twenty rejected; badges");
            accredit(pool);
            step("programme: opening plenary, four tracks, pledging session");
            schedule();
            step("bookings: a track each, then the rush on the plenary (" + plenaryCapacity + " seats)");
            book(pool);
            step("check-in at two entrances");
            checkIn(pool);
            step("pledges: submitted, acknowledged, announced in the pledging session");
            int coveredBefore = pledge(pool);
            step("track 4 goes virtual at short notice");
            goVirtual();
            step("waiting for the services to settle, then cross-checking");
            crossCheck(coveredBefore);
        }
        finally {
            pool.shutdownNow();
        }
        return new SimulationReport(conference, checks, notes, done, Duration.ofNanos(System.nanoTime() - begin));
    }

    // --- the ministerial --------------------------------------------------------------------------------------

    private void createConference() {
        LocalDate today = LocalDate.now(ZONE);
        int advisers = Math.max(15, settings.delegatesPerDelegation());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", conference);
        body.put("name", "Simulated Peacekeeping Ministerial " + conference);
        body.put("city", "Seoul");
        body.put("hostCountry", "KOR");
        body.put("startDate", today.toString());
        body.put("endDate", today.plusDays(2).toString());
        body.put("timeZone", ZONE.getId());
        body.put("mode", "HYBRID");
        body.put("venue", "Simulated venue");
        body.put("workingLanguages", LANGUAGES);
        body.put("sizeRule", Map.of("representatives", 5, "alternates", 5, "advisers", advisers));
        body.put("entrances", ENTRANCES);
        api.post(registration("/api/conferences"), tokens.organizer(), body).requireOk("create conference");
        count("conferences created", 1);
    }

    private void registerDelegations(ExecutorService pool) {
        List<String> codes = MemberStates.CODES.subList(0, settings.delegations());
        List<DelegationRecord> created = parallel(pool, codes, "delegations", code -> {
            String language = LANGUAGES.get(Math.floorMod(code.hashCode(), LANGUAGES.size()));
            String focalEmail = "focal." + code.toLowerCase(Locale.ROOT) + "@" + conference + ".example.org";
            api.post(registration("/api/conferences/" + conference + "/delegations"), tokens.organizer(), Map.of(
                    "kind", "MEMBER_STATE", "code", code,
                    "focalPoint", Map.of("name", "Focal point " + code, "email", focalEmail)))
                    .requireOk("register delegation " + code);
            String id = conference + "-" + code;
            api.put(notification("/api/delegations/" + id + "/focal-point-contact"), tokens.focalPoint(id), Map.of(
                    "name", "Focal point " + code, "email", focalEmail, "language", language))
                    .requireOk("focal point contact of " + id);
            return new DelegationRecord(id, code, focalEmail, language);
        });
        delegations.addAll(created);
        count("delegations registered", delegations.size());
    }

    private void registerDelegates(ExecutorService pool) {
        AtomicInteger sequence = new AtomicInteger();
        List<Integer> indexes = range(delegations.size());
        AtomicInteger replays = new AtomicInteger();
        parallel(pool, indexes, "delegations' lists", index -> {
            DelegationRecord delegation = delegations.get(index);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < settings.delegatesPerDelegation(); i++) {
                rows.add(person(delegation, i, sequence.incrementAndGet()));
            }
            String token = tokens.focalPoint(delegation.id());
            URI delegatesUri = registration("/api/conferences/" + conference + "/delegations/" + delegation.id()
                    + "/delegates");
            if (index % 3 == 0) {
                String key = "sim-bulk-" + delegation.id();
                URI bulk = URI.create(delegatesUri + "/bulk");
                Api.Response first = api.send("POST", bulk, token, rows, Map.of("Idempotency-Key", key))
                        .requireOk("bulk upload of " + delegation.id());
                expectNoRowErrors(first, delegation.id());
                for (JsonNode created : first.body().path("delegates")) {
                    int line = created.path("line").asInt();
                    Map<String, Object> row = rows.get(line - 1);
                    delegates.add(new DelegateRecord(created.path("delegateId").asString(), delegation.id(),
                            (String) row.get("email"), (String) row.get("preferredLanguage")));
                }
                if (index == 0) {
                    // a focal point on a bad connection sends the same upload again
                    Api.Response again = api.send("POST", bulk, token, rows, Map.of("Idempotency-Key", key))
                            .requireOk("repeated bulk upload of " + delegation.id());
                    if ("true".equals(again.headers().get("idempotent-replayed"))) {
                        replays.incrementAndGet();
                    }
                }
                count("delegates registered in bulk", rows.size());
            }
            else {
                for (Map<String, Object> row : rows) {
                    Api.Response response = api.post(delegatesUri, token, row)
                            .requireOk("register a delegate of " + delegation.id());
                    delegates.add(new DelegateRecord(response.text("id"), delegation.id(), (String) row.get("email"),
                            (String) row.get("preferredLanguage")));
                }
                count("delegates registered one by one", rows.size());
            }
            return index;
        });
        check("registration", "repeated bulk upload answered as a replay", 1, replays.get());
        count("delegates registered", delegates.size());
    }

    private void expectNoRowErrors(Api.Response report, String delegationId) {
        if (report.body().path("failed").asInt() != 0) {
            throw new IllegalStateException("bulk upload of " + delegationId + " refused rows: "
                    + report.body().path("errors"));
        }
    }

    private Map<String, Object> person(DelegationRecord delegation, int indexInDelegation, int sequence) {
        String given = GIVEN.get(sequence % GIVEN.size());
        String family = FAMILY.get((sequence / GIVEN.size() + sequence) % FAMILY.size());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("givenName", given);
        row.put("familyName", family);
        row.put("email", (given + "." + family + "." + sequence).toLowerCase(Locale.ROOT) + "@" + conference
                + ".example.org");
        row.put("preferredLanguage", LANGUAGES.get(sequence % LANGUAGES.size()));
        String role = indexInDelegation == 0 ? "HEAD" : indexInDelegation < 5 ? "REPRESENTATIVE"
                : indexInDelegation < 10 ? "ALTERNATE" : "ADVISER";
        row.put("role", role);
        if (indexInDelegation == 0) {
            row.put("vipRank", "MINISTER");
            row.put("title", "H.E.");
        }
        return row;
    }

    private void accredit(ExecutorService pool) {
        List<DelegateRecord> all = List.copyOf(delegates);
        String organizer = tokens.organizer();
        parallel(pool, range(all.size()), "accreditation decisions", index -> {
            DelegateRecord delegate = all.get(index);
            if (index % 20 == 19) {
                api.post(registration("/api/delegates/" + delegate.id + "/rejection"), organizer,
                        Map.of("reason", "Note Verbale not received")).requireOk("reject " + delegate.id);
                delegate.rejected = true;
                return index;
            }
            api.post(registration("/api/delegates/" + delegate.id + "/accreditation"), organizer, null)
                    .requireOk("accredit " + delegate.id);
            delegate.accredited = true;
            Api.Response badge = api.post(registration("/api/delegates/" + delegate.id + "/badge"), organizer, null)
                    .requireOk("badge for " + delegate.id);
            delegate.qr = badge.text("qrPayload");
            return index;
        });
        count("delegates accredited", accredited().size());
        count("delegates rejected", all.stream().filter(d -> d.rejected).count());
        count("badges issued", all.stream().filter(d -> d.qr != null).count());
    }

    private void schedule() {
        String organizer = tokens.organizer();
        LocalDate today = LocalDate.now(ZONE);
        String meeting = conference + "-ministerial";
        api.post(session("/api/conferences/" + conference + "/meetings"), organizer, Map.of("id", meeting,
                "title", "Ministerial", "city", "Seoul", "mode", "HYBRID", "firstDay", today.toString(),
                "lastDay", today.plusDays(2).toString(), "timeZone", ZONE.getId())).requireOk("create meeting");
        int accredited = accredited().size();
        plenaryCapacity = Math.max(2, accredited * 2 / 5);
        room(organizer, "plenary", "Plenary hall", plenaryCapacity);
        for (int i = 1; i <= TRACKS.size(); i++) {
            room(organizer, "room-" + i, "Conference room " + i, accredited + 10);
        }
        room(organizer, "pledging", "Pledging hall", accredited + 10);
        // within the next day, so that reminders (24 h before) are due while the run watches
        Instant base = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        sessions.put("plenary", scheduleSession(organizer, meeting, "Opening plenary", "Opening plenary",
                conference + "-plenary", "IN_PERSON", base, base.plus(1, ChronoUnit.HOURS)));
        for (int i = 1; i <= TRACKS.size(); i++) {
            Instant start = base.plus(90, ChronoUnit.MINUTES);
            sessions.put("track-" + i, scheduleSession(organizer, meeting, TRACKS.get(i - 1),
                    "Session " + i + ": " + TRACKS.get(i - 1), conference + "-room-" + i, "IN_PERSON", start,
                    start.plus(90, ChronoUnit.MINUTES)));
        }
        Instant pledging = base.plus(4, ChronoUnit.HOURS);
        sessions.put("pledging", scheduleSession(organizer, meeting, "Pledging", "Pledging session",
                conference + "-pledging", "IN_PERSON", pledging, pledging.plus(2, ChronoUnit.HOURS)));
        count("sessions scheduled", sessions.size());
    }

    private void room(String organizer, String id, String name, int capacity) {
        api.post(session("/api/conferences/" + conference + "/rooms"), organizer, Map.of(
                "id", conference + "-" + id, "name", name, "capacity", capacity)).requireOk("create room " + id);
    }

    private String scheduleSession(String organizer, String meeting, String track, String title, String room,
            String mode, Instant start, Instant end) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meetingId", meeting);
        body.put("track", track);
        body.put("title", title);
        body.put("roomId", room);
        body.put("mode", mode);
        body.put("startsAt", start.toString());
        body.put("endsAt", end.toString());
        body.put("virtualCapacity", 0);
        return api.post(session("/api/conferences/" + conference + "/sessions"), organizer, body)
                .requireOk("schedule " + title).text("id");
    }

    private void book(ExecutorService pool) {
        List<DelegateRecord> accredited = accredited();
        Instant deadline = Instant.now().plus(settings.settleTimeout());
        // the tracks first: session-service learns who is accredited from events, so early bookings may wait for it
        parallel(pool, range(accredited.size()), "track bookings", index -> {
            DelegateRecord delegate = accredited.get(index);
            String sessionId = sessions.get("track-" + (index % TRACKS.size() + 1));
            while (true) {
                Api.Response response = api.post(session("/api/sessions/" + sessionId + "/bookings"),
                        tokens.delegate(delegate.delegationId, delegate.id), Map.of());
                if (response.ok()) {
                    return index;
                }
                if (response.status() != 422 && response.status() != 404 || Instant.now().isAfter(deadline)) {
                    response.requireOk("book " + sessionId + " for " + delegate.id);
                }
                pause(200);
            }
        });
        count("track bookings", accredited.size());
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        String plenary = sessions.get("plenary");
        parallel(pool, range(accredited.size()), "plenary rush", index -> {
            DelegateRecord delegate = accredited.get(index);
            Api.Response response = api.post(session("/api/sessions/" + plenary + "/bookings"),
                    tokens.delegate(delegate.delegationId, delegate.id), Map.of()).requireOk("rush " + delegate.id);
            outcomes.computeIfAbsent(String.valueOf(response.text("status")), k -> new AtomicInteger())
                    .incrementAndGet();
            return index;
        });
        int confirmed = outcomes.getOrDefault("CONFIRMED", new AtomicInteger()).get();
        int waitlisted = outcomes.getOrDefault("WAITLISTED", new AtomicInteger()).get();
        count("plenary rush requests", accredited.size());
        check("seats", "plenary rush answered CONFIRMED", Math.min(plenaryCapacity, accredited.size()), confirmed);
        check("seats", "plenary rush answered WAITLISTED", Math.max(0, accredited.size() - plenaryCapacity),
                waitlisted);
    }

    private void checkIn(ExecutorService pool) {
        List<DelegateRecord> badged = accredited().stream().filter(d -> d.qr != null).toList();
        String ops = tokens.ops();
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger repeats = new AtomicInteger();
        AtomicInteger repeatAnswers = new AtomicInteger();
        parallel(pool, range(badged.size()), "badge scans", index -> {
            if (index % 10 == 9) {
                return index;
            }
            DelegateRecord delegate = badged.get(index);
            String entrance = ENTRANCES.get(index % 2);
            Api.Response first = api.post(registration("/api/conferences/" + conference + "/checkins"), ops,
                    Map.of("qr", delegate.qr, "entrance", entrance, "deviceId", entrance + "-scanner-1"))
                    .requireOk("scan " + delegate.id);
            if (first.status() == 201) {
                admitted.incrementAndGet();
                delegate.entrance = entrance;
            }
            if (index % 7 == 0) {
                // the same badge again at the other door: already inside, not a second entry
                String other = ENTRANCES.get((index + 1) % 2);
                Api.Response again = api.post(registration("/api/conferences/" + conference + "/checkins"), ops,
                        Map.of("qr", delegate.qr, "entrance", other, "deviceId", other + "-scanner-1"))
                        .requireOk("repeat scan " + delegate.id);
                repeats.incrementAndGet();
                if (again.status() == 200 && "ALREADY_INSIDE".equals(again.text("outcome"))) {
                    repeatAnswers.incrementAndGet();
                }
            }
            return index;
        });
        count("badges scanned (first entry)", admitted.get());
        count("badges scanned again", repeats.get());
        check("check-in", "repeat scans answered ALREADY_INSIDE", repeats.get(), repeatAnswers.get());
    }

    /** Submits, acknowledges and announces the pledges; returns the requirement's coverage before them. */
    private int pledge(ExecutorService pool) {
        String organizer = tokens.organizer();
        String requirement = conference + "-utility-helicopters";
        Api.Response defined = api.post(pledge("/api/capability-requirements"), organizer, Map.of(
                "id", requirement, "title", "Utility helicopter units (simulated " + conference + ")",
                "category", "UTILITY_HELICOPTER_UNIT", "measure", "UNITS", "quantityNeeded", 1000,
                "countingStatus", "ANNOUNCED", "source", "Simulated requirements paper"))
                .requireOk("define requirement");
        int coveredBefore = defined.body().path("quantityCovered").asInt();
        List<String> categories = List.of("UTILITY_HELICOPTER_UNIT", "TRAINING_AND_CAPACITY_BUILDING",
                "LEVEL_II_HOSPITAL", "WOMEN_IN_PEACEKEEPING", "FORMED_POLICE_UNIT");
        List<Integer> pledging = range(delegations.size()).stream().filter(i -> i % 3 != 2).toList();
        String pledgingSession = sessions.get("pledging");
        AtomicInteger replays = new AtomicInteger();
        parallel(pool, pledging, "pledges", index -> {
            DelegationRecord delegation = delegations.get(index);
            String category = categories.get(index % categories.size());
            int units = category.equals("UTILITY_HELICOPTER_UNIT") || category.equals("FORMED_POLICE_UNIT")
                    || category.equals("LEVEL_II_HOSPITAL") ? 1 + index % 3 : 0;
            Map<String, Object> offer = new LinkedHashMap<>();
            offer.put("category", category);
            offer.put("units", units);
            offer.put("personnel", 20 + index);
            offer.put("womenPersonnel", 5 + index % 10);
            offer.put("description", "Simulated pledge of " + delegation.code());
            offer.put("descriptionLanguage", "en");
            if (category.equals("UTILITY_HELICOPTER_UNIT")) {
                offer.put("equipment", List.of(Map.of("item", "Mi-17 utility helicopter", "quantity", 3 * units)));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("offer", offer);
            // the first pledge is the joint helicopter unit of Seoul 2021: helicopters and funding from partners
            boolean joint = index == 0 && delegations.size() >= 3 && category.equals("UTILITY_HELICOPTER_UNIT");
            if (joint) {
                body.put("parties", List.of(Map.of("memberState", delegations.get(1).code(), "role", "PARTNER"),
                        Map.of("memberState", delegations.get(2).code(), "role", "FUNDER")));
            }
            String token = tokens.focalPoint(delegation.id());
            String key = "sim-pledge-" + delegation.id();
            URI submit = pledge("/api/conferences/" + conference + "/pledges");
            Api.Response submitted = api.send("POST", submit, token, body, Map.of("Idempotency-Key", key))
                    .requireOk("pledge of " + delegation.id());
            String id = submitted.text("id");
            if (index == 0) {
                Api.Response again = api.send("POST", submit, token, body, Map.of("Idempotency-Key", key))
                        .requireOk("repeated pledge of " + delegation.id());
                if ("true".equals(again.headers().get("idempotent-replayed")) && id != null
                        && id.equals(again.text("id"))) {
                    replays.incrementAndGet();
                }
            }
            if (joint) {
                for (DelegationRecord party : List.of(delegations.get(1), delegations.get(2))) {
                    api.post(pledge("/api/pledges/" + id + "/parties/" + party.code() + "/confirmation"),
                            tokens.focalPoint(party.id()), null).requireOk("confirm part of " + party.code());
                }
            }
            api.post(pledge("/api/pledges/" + id + "/acknowledgement"), organizer, null).requireOk("acknowledge " + id);
            // the state's minister takes a pledge-announcement slot on the pledging session's speakers list; the
            // organiser announces the pledge in that slot once pledge-service has learnt of it (from events)
            String inscription = api.post(session("/api/sessions/" + pledgingSession + "/speakers"), token, Map.of(
                    "delegationId", delegation.id(), "name", "Minister of Defence of " + delegation.code(),
                    "title", "Minister of Defence", "level", "MINISTER", "pledgeAnnouncement", true))
                    .requireOk("inscribe the speaker of " + delegation.id()).text("inscriptionId");
            Instant deadline = Instant.now().plus(settings.settleTimeout());
            while (true) {
                Api.Response announced = api.post(pledge("/api/pledges/" + id + "/announcement"), organizer,
                        Map.of("sessionId", pledgingSession, "inscriptionId", inscription));
                if (announced.ok()) {
                    break;
                }
                if (announced.status() != 422 || Instant.now().isAfter(deadline)) {
                    announced.requireOk("announce " + id);
                }
                pause(200);
            }
            pledges.add(new PledgeRecord(id, delegation.id(), category, units));
            return index;
        });
        if (!pledging.isEmpty()) {
            check("pledges", "repeated submission answered as a replay", 1, replays.get());
        }
        count("pledges announced", pledges.size());
        return coveredBefore;
    }

    private void goVirtual() {
        String track = sessions.get("track-4");
        api.post(session("/api/sessions/" + track + "/mode"), tokens.organizer(), Map.of("mode", "VIRTUAL",
                "virtualLink", "https://meet.example.org/" + conference + "/protection-of-civilians"))
                .requireOk("switch track 4 to virtual");
        count("sessions switched to virtual", 1);
    }

    // --- the cross-checks -----------------------------------------------------------------------------------

    private void crossCheck(int coveredBefore) {
        String organizer = tokens.organizer();
        List<DelegateRecord> all = List.copyOf(delegates);
        List<DelegateRecord> accredited = accredited();
        long rejected = all.stream().filter(d -> d.rejected).count();

        JsonNode delegationList = api.get(registration("/api/conferences/" + conference + "/delegations"), organizer)
                .requireOk("delegations").body();
        check("registration", "delegations of the edition", delegations.size(), delegationList.size());
        long seats = 0;
        for (JsonNode delegation : delegationList) {
            seats += delegation.path("representatives").asLong() + delegation.path("alternates").asLong()
                    + delegation.path("advisers").asLong();
        }
        check("registration", "seats taken in all delegations", all.size(), seats);
        JsonNode counts = api.get(registration("/api/conferences/" + conference + "/accreditation/queue?size=1"),
                organizer).requireOk("accreditation queue").body().path("counts");
        check("registration", "delegates ACCREDITED", accredited.size(), counts.path("ACCREDITED").asLong());
        check("registration", "delegates REJECTED", rejected, counts.path("REJECTED").asLong());
        check("registration", "delegates PENDING", 0, counts.path("PENDING").asLong());

        JsonNode entries = api.get(registration("/api/conferences/" + conference + "/checkins/counts"), organizer)
                .requireOk("check-in counts").body();
        long admitted = all.stream().filter(d -> d.entrance != null).count();
        check("check-in", "entries today", admitted, entries.path("total").asLong());
        for (String entrance : ENTRANCES) {
            check("check-in", "entries at the " + entrance + " entrance",
                    all.stream().filter(d -> entrance.equals(d.entrance)).count(),
                    entries.path("byEntrance").path(entrance).asLong());
        }

        Map<String, Long> plenary = bookingStatuses(sessions.get("plenary"), organizer);
        check("seats", "plenary CONFIRMED (capacity " + plenaryCapacity + ")",
                Math.min(plenaryCapacity, accredited.size()), plenary.getOrDefault("CONFIRMED", 0L));
        check("seats", "plenary WAITLISTED", Math.max(0, accredited.size() - plenaryCapacity),
                plenary.getOrDefault("WAITLISTED", 0L));
        long trackConfirmed = 0;
        for (int i = 1; i <= TRACKS.size(); i++) {
            trackConfirmed += bookingStatuses(sessions.get("track-" + i), organizer).getOrDefault("CONFIRMED", 0L);
        }
        check("seats", "track bookings CONFIRMED (before the switch)", accredited.size(), trackConfirmed);
        JsonNode virtual = api.get(session("/api/sessions/" + sessions.get("track-4")), organizer)
                .requireOk("track 4").body();
        check("sessions", "track 4 mode", "VIRTUAL", virtual.path("mode").asString());

        JsonNode pledgeList = api.get(pledge("/api/conferences/" + conference + "/pledges"), organizer)
                .requireOk("pledges").body();
        check("pledges", "pledges of the edition", pledges.size(), pledgeList.size());
        long announced = 0;
        for (JsonNode p : pledgeList) {
            if ("ANNOUNCED".equals(p.path("status").asString())) {
                announced++;
            }
        }
        check("pledges", "pledges ANNOUNCED", pledges.size(), announced);
        JsonNode tally = api.get(pledge("/api/conferences/" + conference + "/tally?sessionId="
                + sessions.get("pledging")), organizer).requireOk("tally").body();
        check("pledges", "tally of the pledging session: pledges", pledges.size(), tally.path("pledges").asLong());
        check("pledges", "tally: new units", pledges.stream().mapToLong(PledgeRecord::units).sum(),
                tally.path("newUnits").asLong());
        int helicopterUnits = pledges.stream().filter(p -> p.category().equals("UTILITY_HELICOPTER_UNIT"))
                .mapToInt(PledgeRecord::units).sum();
        String requirement = conference + "-utility-helicopters";
        awaitQuietly(() -> gapRow(requirement, organizer).path("quantityCovered").asInt()
                == coveredBefore + helicopterUnits);
        JsonNode gap = gapRow(requirement, organizer);
        check("gap", "helicopter units covered", coveredBefore + helicopterUnits, gap.path("quantityCovered").asInt());
        check("gap", "helicopter units still missing", Math.max(0, 1000 - coveredBefore - helicopterUnits),
                gap.path("gap").asInt());

        checkNotifications(all, accredited, rejected);
    }

    private void checkNotifications(List<DelegateRecord> all, List<DelegateRecord> accredited, long rejected) {
        long badges = all.stream().filter(d -> d.qr != null).count();
        // what notification-service is told to send: kind → channel → count
        Map<String, Map<String, Long>> expected = new TreeMap<>();
        expect(expected, "registration-confirmation", "EMAIL", all.size());
        expect(expected, "registration-confirmation", "FEED", all.size());
        expect(expected, "accreditation-granted", "EMAIL", accredited.size() * 2L);
        expect(expected, "accreditation-granted", "FEED", accredited.size());
        expect(expected, "accreditation-rejected", "EMAIL", rejected * 2);
        expect(expected, "accreditation-rejected", "FEED", rejected);
        expect(expected, "badge-issued", "EMAIL", badges);
        expect(expected, "badge-issued", "FEED", badges);
        expect(expected, "pledge-acknowledged", "EMAIL", pledges.size());
        expect(expected, "pledge-announced", "EMAIL", pledges.size());
        // seat news: every track booking and plenary seat confirmed, every plenary request beyond the seats waiting
        long seatsConfirmed = accredited.size() + Math.min(plenaryCapacity, accredited.size());
        long seatsWaiting = Math.max(0, accredited.size() - plenaryCapacity);
        for (String channel : List.of("EMAIL", "FEED")) {
            expect(expected, "seat-confirmed", channel, seatsConfirmed);
            expect(expected, "seat-waitlisted", channel, seatsWaiting);
        }
        long expectedTotal = expected.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue)
                .sum();

        String ops = tokens.ops();
        List<JsonNode> log = new ArrayList<>();
        awaitQuietly(() -> {
            log.clear();
            log.addAll(deliveryLog(ops));
            long counted = log.stream().filter(n -> expected.containsKey(n.path("kind").asString())).count();
            // settled: an outcome that stays (SENT, BOUNCED, a FAILED without retry); QUEUED, SENDING (handed to
            // the channel, outcome not stored yet), DEFERRED and a FAILED awaiting retry are still on their way
            long settled = log.stream().filter(n -> switch (n.path("status").asString()) {
                case "SENT", "BOUNCED" -> true;
                case "FAILED" -> n.path("finalFailure").asBoolean(true);
                default -> false;
            }).count();
            return counted >= expectedTotal && settled == log.size();
        });
        Map<String, Map<String, Long>> actual = new TreeMap<>();
        Map<String, Long> statuses = new TreeMap<>();
        Map<String, Long> otherKinds = new TreeMap<>();
        long fallbacks = 0;
        for (JsonNode n : log) {
            String kind = n.path("kind").asString();
            statuses.merge(n.path("status").asString(), 1L, Long::sum);
            if (n.path("languageFallback").asBoolean()) {
                fallbacks++;
            }
            if (expected.containsKey(kind)) {
                actual.computeIfAbsent(kind, k -> new TreeMap<>()).merge(n.path("channel").asString(), 1L, Long::sum);
            }
            else {
                otherKinds.merge(kind + "/" + n.path("channel").asString(), 1L, Long::sum);
            }
        }
        expected.forEach((kind, channels) -> channels.forEach((channel, count) -> check("notifications",
                kind + " via " + channel, count, actual.getOrDefault(kind, Map.of()).getOrDefault(channel, 0L))));
        check("notifications", "notifications not SENT", 0,
                statuses.entrySet().stream().filter(e -> !e.getKey().equals("SENT")).mapToLong(Map.Entry::getValue)
                        .sum());
        check("notifications", "language fallbacks", 0, fallbacks);
        Map<String, Long> languagesWanted = all.stream()
                .collect(Collectors.groupingBy(d -> d.language, TreeMap::new, Collectors.counting()));
        Map<String, Long> languagesSent = log.stream()
                .filter(n -> n.path("kind").asString().equals("registration-confirmation")
                        && n.path("channel").asString().equals("EMAIL"))
                .collect(Collectors.groupingBy(n -> n.path("language").asString(), TreeMap::new,
                        Collectors.counting()));
        check("notifications", "registration e-mails per language", languagesWanted.toString(),
                languagesSent.toString());
        if (!otherKinds.isEmpty()) {
            notes.add("other notifications for this edition (session changes, reminders): " + otherKinds);
        }
        else {
            notes.add("no session-change or reminder notifications were logged for this edition within the run"
                    + " (changes are coalesced for a while before they are sent; reminders are swept periodically)");
        }
        count("notifications in the delivery log", log.size());
        checkInbox(log);
    }

    /**
     * Every e-mail the log says was sent is in the inbox (log read before the inbox), and no address got more
     * e-mails than the log holds for it (log read again after the inbox), whatever kinds arrive meanwhile.
     */
    private void checkInbox(List<JsonNode> logBefore) {
        if (stack.inbox() == null) {
            notes.add("no SMTP inbox known (external relay): e-mails not counted");
            return;
        }
        String domain = "@" + conference + ".example.org";
        Map<String, Long> sentBefore = sentPerAddress(logBefore);
        long expected = sentBefore.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> inbox = new HashMap<>();
        awaitQuietly(() -> {
            inbox.clear();
            inbox.putAll(inboxCounts(domain));
            return sentBefore.entrySet().stream().allMatch(e -> inbox.getOrDefault(e.getKey(), 0L) >= e.getValue());
        });
        Map<String, Long> sentAfter = sentPerAddress(deliveryLog(tokens.ops()));
        long found = sentBefore.entrySet().stream()
                .mapToLong(e -> Math.min(e.getValue(), inbox.getOrDefault(e.getKey(), 0L))).sum();
        check("inbox", "e-mails of the log found in the inbox", expected, found);
        long duplicates = inbox.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - sentAfter.getOrDefault(e.getKey(), 0L))).sum();
        check("inbox", "e-mails beyond the log (duplicates)", 0, duplicates);
    }

    private static Map<String, Long> sentPerAddress(List<JsonNode> log) {
        Map<String, Long> perAddress = new HashMap<>();
        for (JsonNode n : log) {
            if (n.path("channel").asString().equals("EMAIL") && n.path("status").asString().equals("SENT")
                    && n.hasNonNull("address")) {
                perAddress.merge(n.path("address").asString().toLowerCase(Locale.ROOT), 1L, Long::sum);
            }
        }
        return perAddress;
    }

    private Map<String, Long> inboxCounts(String domain) {
        JsonNode messages = Api.JSON.readTree(api.text(URI.create(stack.inbox() + "/messages")));
        Map<String, Long> perAddress = new HashMap<>();
        for (JsonNode message : messages) {
            for (JsonNode to : message.path("to")) {
                String address = to.asString().toLowerCase(Locale.ROOT);
                if (address.endsWith(domain)) {
                    perAddress.merge(address, 1L, Long::sum);
                }
            }
        }
        return perAddress;
    }

    private List<JsonNode> deliveryLog(String token) {
        List<JsonNode> all = new ArrayList<>();
        for (DelegationRecord delegation : delegations) {
            for (int page = 0;; page++) {
                JsonNode body = api.get(notification("/api/notifications?delegationId=" + delegation.id()
                        + "&size=500&page=" + page), token).requireOk("delivery log").body();
                body.path("items").forEach(all::add);
                if ((long) (page + 1) * 500 >= body.path("total").asLong()) {
                    break;
                }
            }
        }
        return all;
    }

    private JsonNode gapRow(String requirement, String token) {
        for (JsonNode row : api.get(pledge("/api/capability-gap"), token).requireOk("gap").body()) {
            if (requirement.equals(row.path("requirementId").asString())) {
                return row;
            }
        }
        throw new IllegalStateException("requirement " + requirement + " missing from the gap");
    }

    private Map<String, Long> bookingStatuses(String sessionId, String organizer) {
        Map<String, Long> statuses = new TreeMap<>();
        for (JsonNode booking : api.get(session("/api/sessions/" + sessionId + "/bookings"), organizer)
                .requireOk("bookings of " + sessionId).body()) {
            statuses.merge(booking.path("status").asString(), 1L, Long::sum);
        }
        return statuses;
    }

    private static void expect(Map<String, Map<String, Long>> expected, String kind, String channel, long count) {
        if (count > 0) {
            expected.computeIfAbsent(kind, k -> new TreeMap<>()).put(channel, count);
        }
    }

    // --- plumbing ---------------------------------------------------------------------------------------------

    private List<DelegateRecord> accredited() {
        return delegates.stream().filter(d -> d.accredited).toList();
    }

    private void check(String area, String what, Object expected, Object actual) {
        checks.add(new Check(area, what, String.valueOf(expected), String.valueOf(actual)));
    }

    private synchronized void count(String what, long n) {
        done.merge(what, n, Long::sum);
    }

    private void step(String what) {
        step++;
        progress.accept("[" + step + "/9] " + what);
    }

    /** Polls until the condition holds or the settle timeout passes (the checks then show the difference). */
    private void awaitQuietly(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(settings.settleTimeout());
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            pause(500);
        }
    }

    private <T, R> List<R> parallel(ExecutorService pool, List<T> items, String what, Function<T, R> task) {
        AtomicInteger finished = new AtomicInteger();
        int reportEvery = Math.max(1, items.size() / 5);
        List<Future<R>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit(() -> {
                R result = task.apply(item);
                int n = finished.incrementAndGet();
                if (n % reportEvery == 0 && n < items.size()) {
                    progress.accept("      " + what + ": " + n + "/" + items.size());
                }
                return result;
            }));
        }
        List<R> results = new ArrayList<>();
        for (Future<R> future : futures) {
            try {
                results.add(future.get());
            }
            catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return results;
    }

    private static List<Integer> range(int size) {
        List<Integer> indexes = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            indexes.add(i);
        }
        return indexes;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private URI registration(String path) {
        return stack.registration().resolve(path);
    }

    private URI session(String path) {
        return stack.session().resolve(path);
    }

    private URI pledge(String path) {
        return stack.pledge().resolve(path);
    }

    private URI notification(String path) {
        return stack.notification().resolve(path);
    }

    static Set<String> languages() {
        return Set.copyOf(LANGUAGES);
    }
}
