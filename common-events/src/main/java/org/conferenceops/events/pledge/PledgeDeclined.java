package org.conferenceops.events.pledge;

import java.time.Instant;
import java.util.Objects;

/**
 * The UN declined a pledge. Final: a declined pledge changes no more.
 *
 * <p>Type {@code pledge.PledgeDeclined}, version 1, published by pledge-service on
 * {@code conference-ops.pledge}, key = {@code pledgeId}.
 *
 * @param pledgeId     the pledge's id; the record key
 * @param conferenceId the conference (edition) the pledge was made at, e.g. seoul-2021
 * @param memberState  the pledging (lead) member state, ISO 3166-1 alpha-3, e.g. KOR
 * @param reason       why, in words fit for the member state
 * @param declinedAt   when it was declined (UTC)
 */
public record PledgeDeclined(String pledgeId, String conferenceId, String memberState, String reason,
        Instant declinedAt) implements PledgeEvent {

    public PledgeDeclined {
        Objects.requireNonNull(pledgeId, "pledgeId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(memberState, "memberState");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(declinedAt, "declinedAt");
    }

    @Override
    public String aggregateId() {
        return pledgeId;
    }
}
