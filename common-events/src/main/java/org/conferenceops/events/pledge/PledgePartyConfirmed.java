package org.conferenceops.events.pledge;

import java.time.Instant;
import java.util.Objects;

/**
 * A member state taking part in a multi-party pledge (e.g. a joint helicopter unit: a donor of helicopters, a
 * contributing country and a funding country) confirmed its part. memberState here is the confirming party, not
 * necessarily the lead state.
 *
 * <p>Type {@code pledge.PledgePartyConfirmed}, version 1, published by pledge-service on
 * {@code conference-ops.pledge}, key = {@code pledgeId}.
 *
 * @param pledgeId            the pledge's id; the record key
 * @param conferenceId        the conference (edition) the pledge was made at, e.g. seoul-2021
 * @param memberState         the confirming party, ISO 3166-1 alpha-3
 * @param role                the party's role in the pledge
 * @param allPartiesConfirmed true when this was the last party to confirm
 * @param confirmedAt         when it was confirmed (UTC)
 */
public record PledgePartyConfirmed(String pledgeId, String conferenceId, String memberState, PartyRole role,
        boolean allPartiesConfirmed, Instant confirmedAt) implements PledgeEvent {

    public PledgePartyConfirmed {
        Objects.requireNonNull(pledgeId, "pledgeId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(memberState, "memberState");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
    }

    @Override
    public String aggregateId() {
        return pledgeId;
    }
}
