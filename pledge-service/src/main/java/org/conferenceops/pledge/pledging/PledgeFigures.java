package org.conferenceops.pledge.pledging;

import org.conferenceops.events.pledge.PledgeCategory;
import org.conferenceops.events.pledge.PledgeStatus;
import org.jspecify.annotations.Nullable;

/**
 * A pledge's current figures, as gaps and tallies count them: derived from its current state and current revision,
 * never accumulated from increments.
 *
 * @param pledgeId            the pledge
 * @param conferenceId        where it was made
 * @param memberState         the lead member state
 * @param category            current category
 * @param status              current status
 * @param units               units offered
 * @param personnel           personnel offered
 * @param womenPersonnel      of which women
 * @param equipmentItems      equipment items in total
 * @param announcedInSession  the session it was announced in, if it was
 * @param allPartiesConfirmed whether every party has confirmed its part
 */
public record PledgeFigures(String pledgeId, String conferenceId, String memberState, PledgeCategory category,
        PledgeStatus status, int units, int personnel, int womenPersonnel, int equipmentItems,
        @Nullable String announcedInSession, boolean allPartiesConfirmed) {
}
