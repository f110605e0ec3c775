package org.conferenceops.events.pledge;

import java.util.Objects;

/**
 * A member state taking part in a pledge.
 *
 * @param memberState ISO 3166-1 alpha-3 code, e.g. NOR
 * @param role        its part: contributor, partner or funder
 * @param confirmed   whether it had confirmed its part when the event was raised (the lead state confirms by
 *                    pledging; others later, see {@code pledge.PledgePartyConfirmed})
 */
public record PledgeParty(String memberState, PartyRole role, boolean confirmed) {

    public PledgeParty {
        Objects.requireNonNull(memberState, "memberState");
        Objects.requireNonNull(role, "role");
    }
}
