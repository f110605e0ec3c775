package org.conferenceops.events.pledge;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A pledged capability was deployed to a mission, or a pledge without readiness levels (training, financial…) was
 * fulfilled. Final apart from nothing: a deployed pledge changes no more.
 *
 * <p>Type {@code pledge.PledgeDeployed}, version 1, published by pledge-service on
 * {@code conference-ops.pledge}, key = {@code pledgeId}.
 *
 * @param pledgeId     the pledge's id; the record key
 * @param conferenceId the conference (edition) the pledge was made at, e.g. seoul-2021
 * @param memberState  the pledging (lead) member state, ISO 3166-1 alpha-3, e.g. KOR
 * @param mission      the mission deployed to, e.g. MINUSCA; absent for a fulfilled non-unit pledge
 * @param deployedAt   when deployment was recorded (UTC)
 */
public record PledgeDeployed(String pledgeId, String conferenceId, String memberState, @Nullable String mission,
        Instant deployedAt) implements PledgeEvent {

    public PledgeDeployed {
        Objects.requireNonNull(pledgeId, "pledgeId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(memberState, "memberState");
        Objects.requireNonNull(deployedAt, "deployedAt");
    }

    @Override
    public String aggregateId() {
        return pledgeId;
    }
}
