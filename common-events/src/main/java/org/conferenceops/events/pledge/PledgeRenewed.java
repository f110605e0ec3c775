package org.conferenceops.events.pledge;

import java.time.Instant;
import java.util.Objects;

/**
 * The pledging state (its focal point) or an organiser confirmed that a pledge was renewed after its renewal fell due
 * ({@link PledgeRenewalDue}). The next renewal falls due six months after this confirmation.
 *
 * <p>Type {@code pledge.PledgeRenewed}, version 1, published by pledge-service on {@code conference-ops.pledge},
 * key = {@code pledgeId}. Raised once per confirmation; a pledge with no renewal due cannot be renewed.
 *
 * @param pledgeId         the pledge's id; the record key
 * @param conferenceId     the conference (edition) the pledge was made at, e.g. seoul-2021
 * @param memberState      the pledging (lead) member state, ISO 3166-1 alpha-3, e.g. KOR
 * @param renewalNumber    the renewal confirmed: the {@code renewalNumber} of the latest {@link PledgeRenewalDue}
 * @param renewedAt        when the renewal was confirmed (UTC)
 * @param nextRenewalDueAt when the next renewal falls due (UTC), six months after {@code renewedAt}
 * @since 1
 */
public record PledgeRenewed(String pledgeId, String conferenceId, String memberState, int renewalNumber,
        Instant renewedAt, Instant nextRenewalDueAt) implements PledgeEvent {

    public PledgeRenewed {
        Objects.requireNonNull(pledgeId, "pledgeId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(memberState, "memberState");
        if (renewalNumber < 1) {
            throw new IllegalArgumentException("renewalNumber must be >= 1");
        }
        Objects.requireNonNull(renewedAt, "renewedAt");
        Objects.requireNonNull(nextRenewalDueAt, "nextRenewalDueAt");
    }

    @Override
    public String aggregateId() {
        return pledgeId;
    }
}
