package org.conferenceops.pledge.requirements;

import java.util.Collection;
import org.conferenceops.events.pledge.CapabilityMeasure;
import org.conferenceops.events.pledge.PledgeCategory;
import org.conferenceops.events.pledge.PledgeStatus;
import org.conferenceops.pledge.pledging.PledgeFigures;
import org.conferenceops.pledge.pledging.PledgeLifecycle;

/**
 * The coverage of one requirement, as a pure function of the current figures of the pledges: a pledge counts when
 * it is of the requirement's category, at or above its counting status (drafts, declined and withdrawn pledges never
 * count) and confirmed by every party taking part. The result depends only on the set of pledges, never on the order
 * in which they changed, so recomputing it any number of times is safe. Sums are exact ({@link Math#addExact}).
 */
public final class GapCalculator {

    private GapCalculator() {
    }

    /**
     * @param category       the category that counts
     * @param measure        what is counted of each pledge
     * @param needed         the quantity needed, >= 0
     * @param countingStatus the lowest status that counts
     * @param pledges        the current figures of any pledges (others are ignored)
     */
    public static Coverage coverage(PledgeCategory category, CapabilityMeasure measure, int needed,
            PledgeStatus countingStatus, Collection<PledgeFigures> pledges) {
        if (needed < 0) {
            throw new IllegalArgumentException("needed must be >= 0");
        }
        int covered = 0;
        int counted = 0;
        for (PledgeFigures pledge : pledges) {
            if (counts(pledge, category, countingStatus)) {
                covered = Math.addExact(covered, quantity(pledge, measure));
                counted++;
            }
        }
        return new Coverage(needed, covered, Math.max(0, needed - covered), counted);
    }

    private static boolean counts(PledgeFigures pledge, PledgeCategory category, PledgeStatus countingStatus) {
        return pledge.category() == category && pledge.allPartiesConfirmed()
                && PledgeLifecycle.countsAtOrAbove(pledge.status(), countingStatus);
    }

    private static int quantity(PledgeFigures pledge, CapabilityMeasure measure) {
        return switch (measure) {
            case UNITS -> pledge.units();
            case PERSONNEL -> pledge.personnel();
            case EQUIPMENT_ITEMS -> pledge.equipmentItems();
            case UNKNOWN -> 0;
        };
    }
}
