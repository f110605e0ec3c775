package org.conferenceops.events.pledge;

import java.time.Instant;
import java.util.Objects;

/**
 * The coverage of a capability requirement published by the UN changed because a pledge that counts for it changed.
 * Carries the whole picture (needed, covered, gap), computed from the current state of every pledge, never an
 * increment: a consumer keeps the latest per key.
 *
 * <p>Type {@code pledge.CapabilityGapChanged}, version 1, published by pledge-service on
 * {@code conference-ops.pledge}, key = {@code requirementId}.
 *
 * @param requirementId   the requirement's id; the record key
 * @param category        the pledge category that counts towards it
 * @param measure         what is counted
 * @param quantityNeeded  how many are needed, >= 0
 * @param quantityCovered how many pledges at or above the counting status cover, >= 0 (may exceed the need)
 * @param gap             what remains: max(0, needed - covered)
 * @param countingStatus  the lowest pledge status that counts (e.g. ANNOUNCED or LEVEL_2)
 * @param countedPledges  how many pledges count towards it
 * @param changedAt       when the new coverage was computed (UTC)
 */
public record CapabilityGapChanged(String requirementId, PledgeCategory category, CapabilityMeasure measure,
        int quantityNeeded, int quantityCovered, int gap, PledgeStatus countingStatus, int countedPledges,
        Instant changedAt) implements PledgeEvent {

    public CapabilityGapChanged {
        Objects.requireNonNull(requirementId, "requirementId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(measure, "measure");
        if (quantityNeeded < 0) {
            throw new IllegalArgumentException("quantityNeeded must be >= 0");
        }
        if (quantityCovered < 0) {
            throw new IllegalArgumentException("quantityCovered must be >= 0");
        }
        if (gap < 0) {
            throw new IllegalArgumentException("gap must be >= 0");
        }
        Objects.requireNonNull(countingStatus, "countingStatus");
        if (countedPledges < 0) {
            throw new IllegalArgumentException("countedPledges must be >= 0");
        }
        Objects.requireNonNull(changedAt, "changedAt");
    }

    @Override
    public String aggregateId() {
        return requirementId;
    }
}
