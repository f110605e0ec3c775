package org.conferenceops.deploy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who writes and reads which topic, as the services are built (README event catalogue and each service's
 * {@code conference-ops.messaging.consumes}). Kept apart from the chart's own table on purpose: the tests compare
 * what the chart renders with this.
 */
final class FlowTable {

    static final String REGISTRATION = "conference-ops.registration";
    static final String SESSION = "conference-ops.session";
    static final String PLEDGE = "conference-ops.pledge";
    static final String NOTIFICATION = "conference-ops.notification";

    /** Service name (= consumer group = Kafka principal) → the one topic it publishes to. */
    static final Map<String, String> PRODUCES = Map.of(
            "registration-service", REGISTRATION,
            "session-service", SESSION,
            "pledge-service", PLEDGE,
            "notification-service", NOTIFICATION);

    /** Service name → the topics it consumes with its group. */
    static final Map<String, List<String>> CONSUMES = Map.of(
            "registration-service", List.of(),
            "session-service", List.of(REGISTRATION),
            "pledge-service", List.of(REGISTRATION, SESSION),
            "notification-service", List.of(REGISTRATION, SESSION, PLEDGE, NOTIFICATION));

    private FlowTable() {
    }

    static String deadLetterTopic(String service) {
        return "conference-ops." + service + ".dlq";
    }

    /** One permission: an operation on a topic or group, as a Kafka ACL (principal User:service, host *). */
    record Permission(String resourceType, String name, String operation) {
    }

    /**
     * Exactly what a service needs. Relay: Write (+Describe) its topic. Binder: Read (+Describe) what it consumes
     * with group {@code <service>}, Write its dead-letter topic. Replay endpoint: Read its dead-letter topic with
     * group {@code <service>.dlq-replay} and Write back to the topics it consumes.
     */
    static Set<Permission> permissions(String service) {
        Set<Permission> all = new LinkedHashSet<>();
        topic(all, PRODUCES.get(service), "Describe", "Write");
        List<String> consumed = CONSUMES.get(service);
        for (String topic : consumed) {
            topic(all, topic, "Describe", "Read", "Write");
        }
        if (!consumed.isEmpty()) {
            topic(all, deadLetterTopic(service), "Describe", "Read", "Write");
            group(all, service, "Describe", "Read");
            group(all, service + ".dlq-replay", "Describe", "Read");
        }
        return all;
    }

    private static void topic(Set<Permission> into, String topic, String... operations) {
        for (String operation : operations) {
            into.add(new Permission("topic", topic, operation));
        }
    }

    private static void group(Set<Permission> into, String group, String... operations) {
        for (String operation : operations) {
            into.add(new Permission("group", group, operation));
        }
    }
}
