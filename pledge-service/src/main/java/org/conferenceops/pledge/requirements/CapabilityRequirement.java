package org.conferenceops.pledge.requirements;

import java.time.Instant;
import java.util.List;
import org.conferenceops.events.pledge.CapabilityGapChanged;
import org.conferenceops.events.pledge.CapabilityMeasure;
import org.conferenceops.events.pledge.PledgeCategory;
import org.conferenceops.events.pledge.PledgeStatus;
import org.conferenceops.platform.outbox.AggregateDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A capability the UN has published as needed (e.g. "utility helicopter units: 6"), with its current coverage. The
 * coverage is only ever replaced by a fresh computation over all pledges ({@link GapCalculator}); a change raises
 * {@code CapabilityGapChanged}, an unchanged result raises nothing.
 */
@Document("capability_requirements")
public class CapabilityRequirement extends AggregateDocument {

    @Id
    private final String id;
    private final String title;
    @Indexed
    private final PledgeCategory category;
    private final CapabilityMeasure measure;
    private final int quantityNeeded;
    private final PledgeStatus countingStatus;
    private final @Nullable String mission;
    private final String source;
    private Coverage coverage;
    private Instant coverageComputedAt;

    @PersistenceCreator
    CapabilityRequirement(String id, String title, PledgeCategory category, CapabilityMeasure measure,
            int quantityNeeded, PledgeStatus countingStatus, @Nullable String mission, String source,
            Coverage coverage, Instant coverageComputedAt) {
        this.id = id;
        this.title = title;
        this.category = category;
        this.measure = measure;
        this.quantityNeeded = quantityNeeded;
        this.countingStatus = countingStatus;
        this.mission = mission;
        this.source = source;
        this.coverage = coverage;
        this.coverageComputedAt = coverageComputedAt;
    }

    /** A newly published requirement, not yet covered, and the event that makes its gap known. */
    static Published publish(String id, String title, PledgeCategory category, CapabilityMeasure measure,
            int quantityNeeded, PledgeStatus countingStatus, @Nullable String mission, String source,
            Coverage coverage, Instant now) {
        CapabilityRequirement requirement = new CapabilityRequirement(id, title, category, measure, quantityNeeded,
                countingStatus, mission, source, coverage, now);
        return new Published(requirement, List.of(requirement.gapChanged(now)));
    }

    /** A requirement with the event its publication raised. */
    record Published(CapabilityRequirement requirement, List<CapabilityGapChanged> events) {
    }

    /** Replaces the coverage with a fresh computation; raises an event only when something changed. */
    List<CapabilityGapChanged> recomputed(Coverage fresh, Instant now) {
        if (fresh.equals(coverage)) {
            return List.of();
        }
        coverage = fresh;
        coverageComputedAt = now;
        return List.of(gapChanged(now));
    }

    private CapabilityGapChanged gapChanged(Instant now) {
        return new CapabilityGapChanged(id, category, measure, coverage.needed(), coverage.covered(), coverage.gap(),
                countingStatus, coverage.countedPledges(), now);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public PledgeCategory category() {
        return category;
    }

    public CapabilityMeasure measure() {
        return measure;
    }

    public int quantityNeeded() {
        return quantityNeeded;
    }

    public PledgeStatus countingStatus() {
        return countingStatus;
    }

    public @Nullable String mission() {
        return mission;
    }

    public String source() {
        return source;
    }

    public Coverage coverage() {
        return coverage;
    }

    public Instant coverageComputedAt() {
        return coverageComputedAt;
    }
}
