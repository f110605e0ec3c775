package org.conferenceops.platform.messaging;

import java.util.ArrayList;
import java.util.List;

/**
 * Remembers, inside the document an event changes, which events were already applied to it and the newest
 * producer version seen, so that a redelivered event has no second effect and a stale one (older version of the
 * same producer aggregate, arriving late) is recognised. Embedded in read-model documents; immutable.
 *
 * @param recentEventIds   ids of the last events applied, newest last, at most {@link #MEMORY}
 * @param lastVersion      the highest {@code aggregateversion} applied, 0 when none
 */
public record AppliedEvents(List<String> recentEventIds, long lastVersion) {

    /** How many event ids are remembered per document. */
    public static final int MEMORY = 64;

    public AppliedEvents {
        recentEventIds = List.copyOf(recentEventIds);
    }

    public static AppliedEvents none() {
        return new AppliedEvents(List.of(), 0);
    }

    /** True when this exact event was applied already. */
    public boolean contains(EventContext event) {
        return recentEventIds.contains(event.eventId());
    }

    /** True when a newer change of the same producer aggregate was applied already. */
    public boolean isStale(EventContext event) {
        return event.aggregateVersion() != null && event.aggregateVersion() < lastVersion;
    }

    /** True when applying the event would change nothing or go backwards. */
    public boolean shouldSkip(EventContext event) {
        return contains(event) || isStale(event);
    }

    /** This memory after applying the event. */
    public AppliedEvents with(EventContext event) {
        List<String> ids = new ArrayList<>(recentEventIds);
        ids.add(event.eventId());
        while (ids.size() > MEMORY) {
            ids.removeFirst();
        }
        long version = event.aggregateVersion() == null ? lastVersion : Math.max(lastVersion, event.aggregateVersion());
        return new AppliedEvents(ids, version);
    }
}
