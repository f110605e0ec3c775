package org.conferenceops.pledge.requirements;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.conferenceops.events.pledge.CapabilityGapChanged;
import org.conferenceops.platform.live.LiveEventListener;
import org.conferenceops.platform.messaging.EventContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Feeds the live gap streams of this replica from {@code pledge.CapabilityGapChanged} as every replica hears it on
 * {@code conference-ops.pledge}, so a change stored by any replica reaches every open screen at once (not only at
 * the next reconciliation). The figures come from the event; only a requirement's fixed title and mission are read
 * once from the database. The stream sends each version once, whichever path brings it first.
 */
@Component
class LiveGapFeed implements LiveEventListener<CapabilityGapChanged> {

    private final GapStream stream;
    private final RequirementRepository requirements;
    private final Map<String, Labels> labels = new ConcurrentHashMap<>();

    LiveGapFeed(GapStream stream, RequirementRepository requirements) {
        this.stream = stream;
        this.requirements = requirements;
    }

    /** What a requirement is called; set when it is defined and never changed. */
    private record Labels(String title, @Nullable String mission) {
    }

    @Override
    public Class<CapabilityGapChanged> eventType() {
        return CapabilityGapChanged.class;
    }

    @Override
    public void onEvent(CapabilityGapChanged event, EventContext context) {
        Long eventVersion = context.aggregateVersion();
        Labels known = labels.computeIfAbsent(event.requirementId(), id -> requirements.findById(id)
                .map(r -> new Labels(r.title(), r.mission())).orElse(null));
        if (eventVersion == null || known == null) {
            // not enough to show it; the reconciliation brings it
            return;
        }
        // an event carries the version its aggregate reached plus one (events count from 1, documents from 0)
        stream.publish(new GapView(event.requirementId(), known.title(), event.category(), event.measure(),
                known.mission(), event.quantityNeeded(), event.quantityCovered(), event.gap(),
                event.countingStatus(), event.countedPledges(), event.changedAt(), eventVersion - 1));
    }
}
