package org.conferenceops.pledge.requirements;

import java.time.Instant;
import org.conferenceops.events.pledge.CapabilityMeasure;
import org.conferenceops.events.pledge.PledgeCategory;
import org.conferenceops.events.pledge.PledgeStatus;
import org.jspecify.annotations.Nullable;

/**
 * A requirement and its coverage, as the API, the CSV export and the live stream show it.
 *
 * @param requirementId   the requirement
 * @param title           what is needed, in words
 * @param category        the pledge category that counts
 * @param measure         what is counted
 * @param mission         the mission it is for, if one
 * @param quantityNeeded  needed
 * @param quantityCovered covered by counted pledges
 * @param gap             what remains
 * @param countingStatus  the lowest pledge status that counts
 * @param countedPledges  pledges counted
 * @param computedAt      when the coverage was last computed
 * @param version         increases with every stored change (a screen ignores an older one)
 */
public record GapView(String requirementId, String title, PledgeCategory category, CapabilityMeasure measure,
        @Nullable String mission, int quantityNeeded, int quantityCovered, int gap, PledgeStatus countingStatus,
        int countedPledges, Instant computedAt, long version) {

    static GapView of(CapabilityRequirement requirement) {
        Coverage coverage = requirement.coverage();
        Long version = requirement.version();
        return new GapView(requirement.id(), requirement.title(), requirement.category(), requirement.measure(),
                requirement.mission(), coverage.needed(), coverage.covered(), coverage.gap(),
                requirement.countingStatus(), coverage.countedPledges(), requirement.coverageComputedAt(),
                version == null ? 0 : version);
    }
}
