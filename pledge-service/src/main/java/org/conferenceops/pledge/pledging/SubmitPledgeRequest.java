package org.conferenceops.pledge.pledging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.conferenceops.events.pledge.PartyRole;
import org.jspecify.annotations.Nullable;

/**
 * A pledge as a focal point (for their own state) or an organiser (for any state) submits it.
 *
 * @param memberState the pledging state, ISO 3166-1 alpha-3; a focal point may leave it out (their own), an
 *                    organiser must give it
 * @param offer       what is offered
 * @param parties     other states taking part (multi-party pledges), each confirming its part later; the pledging
 *                    state may be listed to give its own role (contributor otherwise)
 * @param draft       true to keep it as a draft, not yet submitted
 */
public record SubmitPledgeRequest(
        @Nullable @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 code such as KOR")
        String memberState,
        @NotNull @Valid OfferRequest offer,
        @Nullable @Size(max = 20) List<@Valid @NotNull PartyRequest> parties,
        @Nullable Boolean draft) {

    /** Whether to keep it as a draft (absent: submit now). */
    boolean keepAsDraft() {
        return Boolean.TRUE.equals(draft);
    }

    /**
     * A state taking part in a pledge.
     *
     * @param memberState ISO 3166-1 alpha-3 code
     * @param role        CONTRIBUTOR, PARTNER or FUNDER
     */
    public record PartyRequest(
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 code such as NOR")
            String memberState,
            @NotNull PartyRole role) {
    }
}
