package org.conferenceops.events.pledge;

import java.time.Instant;
import java.util.Objects;

/**
 * The member state, or an organiser on its behalf, withdrew a pledge. Final.
 *
 * <p>Type {@code pledge.PledgeWithdrawn}, version 1, published by pledge-service on
 * {@code conference-ops.pledge}, key = {@code pledgeId}.
 *
 * @param pledgeId       the pledge's id; the record key
 * @param conferenceId   the conference (edition) the pledge was made at, e.g. seoul-2021
 * @param memberState    the pledging (lead) member state, ISO 3166-1 alpha-3, e.g. KOR
 * @param previousStatus the status it was withdrawn from
 * @param reason         why, as given by the member state
 * @param withdrawnAt    when it was withdrawn (UTC)
 */
public record PledgeWithdrawn(String pledgeId, String conferenceId, String memberState, PledgeStatus previousStatus,
        String reason, Instant withdrawnAt) implements PledgeEvent {

    public PledgeWithdrawn {
        Objects.requireNonNull(pledgeId, "pledgeId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(memberState, "memberState");
        Objects.requireNonNull(previousStatus, "previousStatus");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(withdrawnAt, "withdrawnAt");
    }

    @Override
    public String aggregateId() {
        return pledgeId;
    }
}
