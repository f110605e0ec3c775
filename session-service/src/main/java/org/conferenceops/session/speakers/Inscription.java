package org.conferenceops.session.speakers;

import java.time.Instant;
import java.util.Comparator;
import org.conferenceops.events.session.RepresentationLevel;

/**
 * A speaker inscribed for a delegation on a speakers list.
 *
 * @param number the how-manieth inscription of the list (breaks ties of level and time)
 */
record Inscription(String id, String delegationId, String name, String title, RepresentationLevel level,
        boolean video, boolean pledgeAnnouncement, Instant requestedAt, long number) {

    /** The order of the list: level of representation (UNKNOWN last), then time of request. */
    static final Comparator<Inscription> ORDER = Comparator.comparingInt((Inscription i) -> i.level().ordinal())
            .thenComparing(Inscription::requestedAt).thenComparingLong(Inscription::number);
}
