package org.conferenceops.events;

/**
 * Kafka topic names. Each producing service owns exactly one event topic; each consuming service owns one
 * dead-letter topic for what it could not process.
 */
public final class Topics {

    /** Events of registration-service: conferences, delegations, delegates, accreditation, badges, check-in. */
    public static final String REGISTRATION = "conference-ops.registration";
    /** Events of session-service: programme, seats, waitlists, speakers lists. */
    public static final String SESSION = "conference-ops.session";
    /** Events of pledge-service: pledges, readiness, capability gap. */
    public static final String PLEDGE = "conference-ops.pledge";
    /** Events of notification-service: delivery outcomes. */
    public static final String NOTIFICATION = "conference-ops.notification";

    private Topics() {
    }

    /** The dead-letter topic of a consuming service, e.g. {@code conference-ops.notification-service.dlq}. */
    public static String deadLetter(String consumingService) {
        return "conference-ops." + consumingService + ".dlq";
    }
}
