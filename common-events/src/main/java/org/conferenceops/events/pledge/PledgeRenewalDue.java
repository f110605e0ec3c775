package org.conferenceops.events.pledge;

import java.time.Instant;
import java.util.Objects;

/**
 * A pledge's periodic renewal fell due: twelve months after acceptance, then every six months. Raised by pledge-
 * service's renewal sweep exactly once per due date.
 *
 * <p>Type {@code pledge.PledgeRenewalDue}, version 1, published by pledge-service on
 * {@code conference-ops.pledge}, key = {@code pledgeId}.
 *
 * @param pledgeId      the pledge's id; the record key
 * @param conferenceId  the conference (edition) the pledge was made at, e.g. seoul-2021
 * @param memberState   the pledging (lead) member state, ISO 3166-1 alpha-3, e.g. KOR
 * @param renewalNumber 1 for the first renewal, counting up
 * @param dueAt         when the renewal fell due (UTC)
 * @param raisedAt      when the sweep noticed (UTC)
 */
public record PledgeRenewalDue(String pledgeId, String conferenceId, String memberState, int renewalNumber,
        Instant dueAt, Instant raisedAt) implements PledgeEvent {

    public PledgeRenewalDue {
        Objects.requireNonNull(pledgeId, "pledgeId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(memberState, "memberState");
        if (renewalNumber < 0) {
            throw new IllegalArgumentException("renewalNumber must be >= 0");
        }
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(raisedAt, "raisedAt");
    }

    @Override
    public String aggregateId() {
        return pledgeId;
    }
}
