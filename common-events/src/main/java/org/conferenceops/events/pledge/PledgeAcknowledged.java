package org.conferenceops.events.pledge;

import java.time.Instant;
import java.util.Objects;

/**
 * The UN (an organiser) acknowledged receipt of a submitted pledge.
 *
 * <p>Type {@code pledge.PledgeAcknowledged}, version 1, published by pledge-service on
 * {@code conference-ops.pledge}, key = {@code pledgeId}.
 *
 * @param pledgeId       the pledge's id; the record key
 * @param conferenceId   the conference (edition) the pledge was made at, e.g. seoul-2021
 * @param memberState    the pledging (lead) member state, ISO 3166-1 alpha-3, e.g. KOR
 * @param receiptNumber  the receipt reference given to the member state, e.g. PCRS-2021-000123
 * @param acknowledgedAt when the receipt was issued (UTC)
 */
public record PledgeAcknowledged(String pledgeId, String conferenceId, String memberState, String receiptNumber,
        Instant acknowledgedAt) implements PledgeEvent {

    public PledgeAcknowledged {
        Objects.requireNonNull(pledgeId, "pledgeId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(memberState, "memberState");
        Objects.requireNonNull(receiptNumber, "receiptNumber");
        Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
    }

    @Override
    public String aggregateId() {
        return pledgeId;
    }
}
