package org.conferenceops.events.pledge;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A pledged uniformed capability moved to another readiness level of the PCRS: Level 1, Level 2 (after an
 * assessment and advisory visit), Level 3, Rapid Deployment Level.
 *
 * <p>Type {@code pledge.PledgeReadinessChanged}, version 1, published by pledge-service on
 * {@code conference-ops.pledge}, key = {@code pledgeId}.
 *
 * @param pledgeId            the pledge's id; the record key
 * @param conferenceId        the conference (edition) the pledge was made at, e.g. seoul-2021
 * @param memberState         the pledging (lead) member state, ISO 3166-1 alpha-3, e.g. KOR
 * @param previousStatus      the status before (ACCEPTED or a lower level)
 * @param status              the new level: LEVEL_1, LEVEL_2, LEVEL_3 or RAPID_DEPLOYMENT
 * @param assessmentVisitDate for LEVEL_2: the date of the assessment and advisory visit, ISO-8601 (yyyy-MM-dd);
 *                            absent otherwise
 * @param changedAt           when the change was recorded (UTC)
 */
public record PledgeReadinessChanged(String pledgeId, String conferenceId, String memberState,
        PledgeStatus previousStatus, PledgeStatus status, @Nullable String assessmentVisitDate, Instant changedAt)
        implements PledgeEvent {

    public PledgeReadinessChanged {
        Objects.requireNonNull(pledgeId, "pledgeId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(memberState, "memberState");
        Objects.requireNonNull(previousStatus, "previousStatus");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    @Override
    public String aggregateId() {
        return pledgeId;
    }
}
