package org.conferenceops.events.pledge;

import java.time.Instant;
import java.util.Objects;

/**
 * The UN accepted a pledge. From now on it must be renewed: first twelve months after acceptance, then every six
 * months (see PledgeRenewalDue).
 *
 * <p>Type {@code pledge.PledgeAccepted}, version 1, published by pledge-service on
 * {@code conference-ops.pledge}, key = {@code pledgeId}.
 *
 * @param pledgeId          the pledge's id; the record key
 * @param conferenceId      the conference (edition) the pledge was made at, e.g. seoul-2021
 * @param memberState       the pledging (lead) member state, ISO 3166-1 alpha-3, e.g. KOR
 * @param firstRenewalDueAt when the first renewal falls due (UTC), twelve months after acceptance
 * @param acceptedAt        when it was accepted (UTC)
 */
public record PledgeAccepted(String pledgeId, String conferenceId, String memberState, Instant firstRenewalDueAt,
        Instant acceptedAt) implements PledgeEvent {

    public PledgeAccepted {
        Objects.requireNonNull(pledgeId, "pledgeId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(memberState, "memberState");
        Objects.requireNonNull(firstRenewalDueAt, "firstRenewalDueAt");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }

    @Override
    public String aggregateId() {
        return pledgeId;
    }
}
