package org.conferenceops.session.agenda;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A delegate's personal agenda, in time order.
 *
 * @param delegateTimeZone the zone the {@code delegate*} times are in, or null when none was asked for
 * @param overlaps         how many entries overlap another one
 */
public record AgendaView(String delegateId, @Nullable String delegateTimeZone, int overlaps,
        List<AgendaEntry> sessions) {
}
