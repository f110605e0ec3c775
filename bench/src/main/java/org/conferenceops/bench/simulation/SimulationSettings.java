package org.conferenceops.bench.simulation;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The size and pace of a simulated ministerial.
 *
 * @param conferenceId the edition to create (unique per run), e.g. {@code sim-20261122-0915}
 * @param delegations how many member-state delegations take part (1–193)
 * @param delegatesPerDelegation how many people each registers (the first is the head of delegation, a minister)
 * @param concurrency how many requests are in flight at once
 * @param settleTimeout how long to wait for the services to agree (events, notifications) before checking
 */
public record SimulationSettings(String conferenceId, int delegations, int delegatesPerDelegation, int concurrency,
        Duration settleTimeout) {

    /** Checks the ranges. */
    public SimulationSettings {
        if (!conferenceId.matches("[a-z0-9][a-z0-9-]{2,40}")) {
            throw new IllegalArgumentException("conference id must be lower-case letters, digits and hyphens: "
                    + conferenceId);
        }
        if (delegations < 1 || delegations > MemberStates.CODES.size()) {
            throw new IllegalArgumentException("delegations must be 1.." + MemberStates.CODES.size());
        }
        if (delegatesPerDelegation < 1 || delegatesPerDelegation > 4000) {
            throw new IllegalArgumentException("delegates per delegation must be 1..4000");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }

    /**
     * A run sized by its number of delegations: 5 delegations of 6 people is a quick smoke run, 190 delegations of
     * 16 is a Berlin-sized ministerial of about 3,000 delegates.
     */
    public static SimulationSettings sized(int delegations) {
        int perDelegation = delegations <= 10 ? 6 : delegations < 100 ? 10 : 16;
        return new SimulationSettings(newConferenceId(), delegations, perDelegation, 16,
                Duration.ofSeconds(Math.max(60, delegations * perDelegation / 20L)));
    }

    /** A fresh conference id from the current time, e.g. {@code sim-20261122-091512}. */
    public static String newConferenceId() {
        return "sim-" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + Integer.toString((int) (Math.random() * 1296), 36);
    }

    /** The number of delegates registered in all. */
    public int delegates() {
        return delegations * delegatesPerDelegation;
    }
}
