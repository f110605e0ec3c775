package org.conferenceops.pledge.pledging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.conferenceops.events.pledge.PledgeEvent;
import org.conferenceops.platform.outbox.EventOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Raises {@code PledgeRenewalDue} when a pledge's renewal falls due: twelve months after acceptance, then every six
 * months. Idempotent and safe on several replicas at once: each pledge's due date moves on in the same conditional
 * write that stores the event, so a second run (or a second replica, whose write then fails the version check and
 * is skipped) raises nothing twice; a sweep that was not running for a while raises one event per missed due date.
 */
@Component
public class RenewalSweep {

    private static final Logger log = LoggerFactory.getLogger(RenewalSweep.class);
    private static final String SWEEPER = "renewal-sweep";

    private final PledgeRepository pledges;
    private final EventOutbox outbox;
    private final Clock clock;
    private final PledgeProperties properties;

    RenewalSweep(PledgeRepository pledges, EventOutbox outbox, Clock clock, PledgeProperties properties) {
        this.pledges = pledges;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${conference-ops.pledge.renewal-sweep-interval:1m}",
            initialDelayString = "${conference-ops.pledge.renewal-sweep-interval:1m}")
    void scheduled() {
        sweep();
    }

    /** Raises every renewal due now; returns how many events were raised. */
    public int sweep() {
        Instant now = clock.instant();
        int raised = 0;
        for (Pledge pledge : pledges.findByRenewalDueAtLessThanEqualOrderByRenewalDueAt(now,
                Limit.of(properties.renewalSweepBatch()))) {
            List<PledgeEvent> events = pledge.raiseDueRenewals(properties.renewalInterval(), now, SWEEPER);
            try {
                outbox.save(pledge, events);
                raised += events.size();
            }
            catch (OptimisticLockingFailureException e) {
                log.debug("pledge {} changed during the renewal sweep; the next sweep sees its new state", pledge.id());
            }
        }
        return raised;
    }
}
