package org.conferenceops.pledge.pledging;

import java.time.Instant;
import org.conferenceops.events.pledge.PartyRole;
import org.jspecify.annotations.Nullable;

/**
 * A member state taking part in a pledge and whether it has confirmed its part.
 *
 * @param memberState ISO 3166-1 alpha-3 code
 * @param role        its part: contributor, partner or funder
 * @param confirmedAt when it confirmed; null while it has not
 */
public record Party(String memberState, PartyRole role, @Nullable Instant confirmedAt) {

    boolean confirmed() {
        return confirmedAt != null;
    }

    Party confirm(Instant at) {
        return new Party(memberState, role, at);
    }
}
