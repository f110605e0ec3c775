package org.conferenceops.bench.chaos;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;

/**
 * The invariants every scenario checks after its fault, each recorded as a verdict with the counts behind it.
 * Topics are read from offsets taken before the fault, so earlier runs and scenarios do not count.
 */
final class Invariants {

    static final String REGISTRATION_TOPIC = "conference-ops.registration";

    /** Services whose consumer group reads other services' topics. */
    static final List<String> CONSUMERS = List.of("notification-service", "session-service");

    private static final Duration STEADY = Duration.ofSeconds(3);

    private final ChaosStack stack;
    private final StackProbe probe;
    private final Duration settleLimit;

    Invariants(ChaosStack stack, StackProbe probe, Duration settleLimit) {
        this.stack = stack;
        this.probe = probe;
        this.settleLimit = settleLimit;
    }

    /** Offsets to read topics from later: the registration topic and every consumer's dead-letter topic. */
    Map<String, Map<TopicPartition, Long>> snapshot() {
        Map<String, Map<TopicPartition, Long>> offsets = new HashMap<>();
        offsets.put(REGISTRATION_TOPIC, probe.endOffsets(REGISTRATION_TOPIC));
        for (String consumer : consumers()) {
            offsets.put(dlq(consumer), probe.endOffsets(dlq(consumer)));
        }
        return offsets;
    }

    List<String> consumers() {
        return CONSUMERS.stream().filter(stack.services()::contains).toList();
    }

    static String dlq(String service) {
        return "conference-ops." + service + ".dlq";
    }

    /**
     * Consumer lag of every consuming service and the outbox backlog of every service reach zero within the
     * limit; records the seconds it took.
     */
    void settles(ScenarioResult result) {
        long begin = System.nanoTime();
        long deadline = begin + settleLimit.toNanos();
        Map<String, Long> lag = Map.of();
        Map<String, Long> backlog = Map.of();
        boolean settled = false;
        // the backlog gauge is recomputed every 2 s (conference-ops.outbox.metrics-refresh): zero must hold longer
        long zeroSince = -1;
        while (System.nanoTime() < deadline) {
            try {
                lag = probe.consumerLag(consumers());
                backlog = new LinkedHashMap<>();
                for (String service : stack.services()) {
                    backlog.put(service, probe.outboxBacklog(stack.serviceUri(service)));
                }
                settled = lag.values().stream().allMatch(v -> v == 0) && lag.size() == consumers().size()
                        && backlog.values().stream().allMatch(v -> v == 0);
            }
            catch (IllegalStateException e) {
                settled = false;
            }
            if (!settled) {
                zeroSince = -1;
            }
            else if (zeroSince < 0) {
                zeroSince = System.nanoTime();
            }
            else if (System.nanoTime() - zeroSince >= STEADY.toNanos()) {
                break;
            }
            Pause.millis(500);
        }
        settled &= zeroSince >= 0 && System.nanoTime() - zeroSince >= STEADY.toNanos();
        // settled: when the steady zero began; not settled: the whole wait
        double seconds = ((settled ? zeroSince : System.nanoTime()) - begin) / 1e9;
        result.figure("settleSeconds", Math.round(seconds * 10) / 10.0);
        result.check("consumer lag and outbox backlog back to zero within " + settleLimit.toSeconds() + " s", settled,
                String.format("%.1f s; lag %s, outbox backlog %s", seconds, lag, backlog));
    }

    /** Every acknowledged registration is stored (GET answers 200). */
    void acknowledgedAreStored(ScenarioResult result, Workload workload) {
        Map<String, String> registered = workload.registered();
        List<String> missing = registered.keySet().stream().filter(id -> !workload.stored(id)).toList();
        result.check("every acknowledged (2xx) registration is stored", missing.isEmpty() && !registered.isEmpty(),
                registered.size() + " acknowledged, " + missing.size() + " missing" + sample(missing));
    }

    /**
     * Every acknowledged registration and accreditation has its event on the topic, and each delegate's events are
     * in one partition in increasing aggregate version (duplicates, allowed by at-least-once, are counted).
     */
    void publishedInOrder(ScenarioResult result, Workload workload, Map<TopicPartition, Long> from) {
        Map<String, String> registered = workload.registered();
        Set<String> accredited = new HashSet<>(workload.accredited());
        List<StackProbe.Record> records = probe.read(REGISTRATION_TOPIC, from);
        Map<String, List<StackProbe.Record>> byKey = records.stream().filter(r -> r.key() != null
                && registered.containsKey(r.key())).collect(Collectors.groupingBy(StackProbe.Record::key));
        List<String> unpublished = new ArrayList<>();
        List<String> disordered = new ArrayList<>();
        long duplicates = 0;
        for (String id : registered.keySet()) {
            List<StackProbe.Record> ofKey = byKey.getOrDefault(id, List.of());
            Set<String> types = ofKey.stream().map(StackProbe.Record::type).collect(Collectors.toSet());
            if (!types.contains("registration.DelegateRegistered")
                    || accredited.contains(id) && !types.contains("registration.DelegateAccredited")) {
                unpublished.add(id);
            }
            Set<String> seen = new HashSet<>();
            long last = Long.MIN_VALUE;
            Set<Integer> partitions = new HashSet<>();
            List<StackProbe.Record> ordered = new ArrayList<>(ofKey);
            ordered.sort((a, b) -> Long.compare(a.offset(), b.offset()));
            for (StackProbe.Record record : ordered) {
                partitions.add(record.partition());
                if (!seen.add(String.valueOf(record.id()))) {
                    duplicates++;
                    continue;
                }
                if (record.aggregateVersion() <= last) {
                    disordered.add(id);
                }
                last = record.aggregateVersion();
            }
            if (partitions.size() > 1) {
                disordered.add(id);
            }
        }
        result.figure("eventsRead", records.size());
        result.figure("duplicateEventsOnTopic", duplicates);
        result.check("every acknowledged command's event is published", unpublished.isEmpty(),
                registered.size() + " registrations + " + accredited.size() + " accreditations acknowledged, "
                        + unpublished.size() + " delegates missing an event" + sample(unpublished));
        result.check("per-key order kept (one partition, increasing aggregate version)", disordered.isEmpty(),
                byKey.size() + " keys checked, " + disordered.size() + " out of order" + sample(disordered)
                        + "; duplicate deliveries on the topic: " + duplicates);
    }

    /**
     * Each address got what it is owed (waiting up to the settle limit) and no address got the same e-mail twice: two
     * messages with one subject and different Message-IDs are two notifications for one thing, a failure. The same
     * Message-ID twice is one notification handed to SMTP again after a crash (the server accepted it, the process
     * died before recording that): a receiving system drops the repeat, and there may be at most
     * {@code allowedRepeats} of them (one per SMTP connection in flight when a sender was killed; none otherwise).
     *
     * @param expected address → how many distinct e-mails it must receive at least
     */
    void notifiedOnce(ScenarioResult result, Map<String, Integer> expected, int allowedRepeats) {
        long deadline = System.nanoTime() + settleLimit.toNanos();
        List<String> short_ = new ArrayList<>(expected.keySet());
        while (true) {
            for (String address : List.copyOf(short_)) {
                if (distinctMessages(probe.messagesTo(address)) >= expected.get(address)) {
                    short_.remove(address);
                }
            }
            if (short_.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            Pause.millis(1000);
        }
        // a last look at every address, for duplicates that arrived after the count was reached
        List<String> twice = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        long messages = 0;
        for (String address : expected.keySet()) {
            List<JsonNode> received = probe.messagesTo(address);
            messages += received.size();
            Map<String, Set<String>> idsBySubject = new HashMap<>();
            for (JsonNode message : received) {
                idsBySubject.computeIfAbsent(message.path("subject").asString(""), s -> new HashSet<>())
                        .add(messageId(message));
            }
            idsBySubject.forEach((subject, ids) -> {
                if (ids.size() > 1) {
                    twice.add(address + " x" + ids.size() + " '" + subject + "'");
                }
            });
            long repeats = received.size() - distinctMessages(received);
            if (repeats > 0) {
                repeated.add(address + " +" + repeats);
            }
        }
        result.figure("emailsChecked", messages);
        result.figure("repeatedUnderOneMessageId", repeated.size());
        result.check("every owed e-mail delivered", short_.isEmpty(), expected.size() + " addresses, "
                + short_.size() + " still short after " + settleLimit.toSeconds() + " s" + sample(short_));
        result.check("no notification delivered twice", twice.isEmpty(), messages + " e-mails to " + expected.size()
                + " addresses, " + twice.size() + " duplicated (a second Message-ID for one notification)"
                + sample(twice));
        result.check("repeats under one Message-ID only from a killed sender's connections in flight",
                repeated.size() <= allowedRepeats, repeated.size() + " addresses got one Message-ID twice (allowed "
                        + allowedRepeats + ")" + sample(repeated));
    }

    /** How many different messages: a message delivered again under its Message-ID counts once. */
    static long distinctMessages(List<JsonNode> messages) {
        return messages.stream().map(Invariants::messageId).distinct().count();
    }

    private static String messageId(JsonNode message) {
        String id = message.path("messageId").asString("");
        return id.isEmpty() ? "inbox:" + message.path("id").asString("") : id;
    }

    /** Every record dead-lettered since the snapshot carries its reason; returns them. */
    List<StackProbe.Record> deadLettersHaveReasons(ScenarioResult result, Map<String, Map<TopicPartition, Long>> from,
            boolean noneExpected) {
        List<StackProbe.Record> dead = new ArrayList<>();
        for (String consumer : consumers()) {
            dead.addAll(probe.read(dlq(consumer), from.getOrDefault(dlq(consumer), Map.of())));
        }
        List<StackProbe.Record> withoutReason = dead.stream().filter(r -> r.reason() == null || r.reason().isBlank())
                .toList();
        result.figure("deadLettered", dead.size());
        result.check("every failed message is in a DLQ with its reason", withoutReason.isEmpty(),
                dead.size() + " dead-lettered, " + withoutReason.size() + " without a reason");
        if (noneExpected) {
            result.check("no good event dead-lettered", dead.isEmpty(), dead.size() + " dead-lettered"
                    + sample(dead.stream().map(r -> r.topic() + ": " + r.reason()).toList()));
        }
        for (String consumer : consumers()) {
            JsonNode summary = probe.deadLetters(stack.serviceUri(consumer));
            result.figure("deadlettersEndpoint." + consumer, summary.path("waiting").asLong(-1));
        }
        return dead;
    }

    /** Every service of the stack is alive and ready. */
    void allReady(ScenarioResult result) {
        List<String> notReady = stack.services().stream().filter(s -> !stack.isReady(s)).toList();
        result.check("every service alive and ready afterwards", notReady.isEmpty(), notReady.isEmpty()
                ? stack.services().size() + " ready" : "not ready: " + notReady);
    }

    URI service(String name) {
        return stack.serviceUri(name);
    }

    static String sample(List<String> items) {
        return items.isEmpty() ? "" : " (e.g. " + String.join(", ", items.subList(0, Math.min(5, items.size())))
                + ")";
    }
}
