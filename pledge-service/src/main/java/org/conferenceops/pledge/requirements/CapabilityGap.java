package org.conferenceops.pledge.requirements;

import java.time.Clock;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.conferenceops.events.pledge.CapabilityMeasure;
import org.conferenceops.events.pledge.PledgeCategory;
import org.conferenceops.platform.outbox.EventOutbox;
import org.conferenceops.platform.problem.ConflictException;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.RuleViolationException;
import org.conferenceops.pledge.pledging.PledgeChanged;
import org.conferenceops.pledge.pledging.PledgeLifecycle;
import org.conferenceops.pledge.pledging.Pledges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Keeps each requirement's coverage equal to {@link GapCalculator} over the current pledges: recomputed the moment a
 * pledge changes (in-process, after the pledge was stored), and by a periodic reconciliation that repairs anything a
 * crash between the two writes left behind. A recompute reads the requirement before the pledges and writes
 * conditionally on the requirement's version, retrying when a concurrent recompute won, so the last stored coverage
 * always reflects every pledge change that completed before it.
 */
@Service
public class CapabilityGap {

    private static final Logger log = LoggerFactory.getLogger(CapabilityGap.class);

    private final RequirementRepository requirements;
    private final Pledges pledges;
    private final EventOutbox outbox;
    private final GapStream stream;
    private final Clock clock;
    private final RequirementProperties properties;

    CapabilityGap(RequirementRepository requirements, Pledges pledges, EventOutbox outbox, GapStream stream,
            Clock clock, RequirementProperties properties) {
        this.requirements = requirements;
        this.pledges = pledges;
        this.outbox = outbox;
        this.stream = stream;
        this.clock = clock;
        this.properties = properties;
    }

    /** Publishes a requirement with its coverage by the pledges already made. */
    public GapView define(DefineRequirementRequest request) {
        if (!PledgeLifecycle.isCountingStatus(request.countingStatus())) {
            throw new RuleViolationException("counting-status", new FieldViolation("countingStatus",
                    "not-a-counting-status", "must be a status from SUBMITTED to DEPLOYED"));
        }
        if (request.category() == PledgeCategory.UNKNOWN || request.measure() == CapabilityMeasure.UNKNOWN) {
            throw new RuleViolationException("unknown-value", new FieldViolation(
                    request.category() == PledgeCategory.UNKNOWN ? "category" : "measure", "unknown",
                    "is not a known value"));
        }
        Coverage coverage = GapCalculator.coverage(request.category(), request.measure(), request.quantityNeeded(),
                request.countingStatus(), pledges.ofCategories(List.of(request.category())));
        CapabilityRequirement.Published published = CapabilityRequirement.publish(request.id(), request.title(),
                request.category(), request.measure(), request.quantityNeeded(), request.countingStatus(),
                request.mission(), request.source(), coverage, clock.instant());
        try {
            CapabilityRequirement saved = outbox.save(published.requirement(), published.events());
            GapView view = GapView.of(saved);
            stream.publish(view);
            return view;
        }
        catch (DuplicateKeyException e) {
            throw new ConflictException("requirement " + request.id() + " exists already");
        }
    }

    /** Every requirement with its coverage, largest gap first. */
    public List<GapView> gap() {
        return requirements.findAll().stream().map(GapView::of)
                .sorted(Comparator.comparingInt(GapView::gap).reversed().thenComparing(GapView::requirementId))
                .toList();
    }

    /** A live stream of the gap. */
    SseEmitter stream() {
        return stream.subscribe(gap());
    }

    @EventListener
    void pledgeChanged(PledgeChanged change) {
        try {
            recompute(change.categories());
        }
        catch (DataAccessException e) {
            // the pledge is stored; the reconciliation repairs the gap shortly
            log.warn("gap not recomputed after pledge {} changed: {}", change.pledgeId(), e.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "${conference-ops.capability-gap.reconcile-interval:15s}",
            initialDelayString = "${conference-ops.capability-gap.reconcile-interval:15s}")
    void reconcile() {
        recompute(EnumSet.allOf(PledgeCategory.class));
        requirements.findAll().forEach(requirement -> stream.publish(GapView.of(requirement)));
    }

    /** Recomputes the coverage of every requirement of these categories; returns how many changed. */
    public int recompute(Set<PledgeCategory> categories) {
        int changed = 0;
        for (CapabilityRequirement requirement : requirements.findByCategoryIn(List.copyOf(categories))) {
            if (recompute(requirement.id())) {
                changed++;
            }
        }
        return changed;
    }

    private boolean recompute(String requirementId) {
        for (int attempt = 1; ; attempt++) {
            // the requirement first, then the pledges: a write that succeeds saw every pledge change before it
            CapabilityRequirement requirement = requirements.findById(requirementId).orElse(null);
            if (requirement == null) {
                return false;
            }
            Coverage fresh = GapCalculator.coverage(requirement.category(), requirement.measure(),
                    requirement.quantityNeeded(), requirement.countingStatus(),
                    pledges.ofCategories(List.of(requirement.category())));
            var events = requirement.recomputed(fresh, clock.instant());
            if (events.isEmpty()) {
                return false;
            }
            try {
                CapabilityRequirement saved = outbox.save(requirement, events);
                stream.publish(GapView.of(saved));
                return true;
            }
            catch (OptimisticLockingFailureException e) {
                if (attempt >= properties.recomputeAttempts()) {
                    throw e;
                }
            }
        }
    }
}
