package org.conferenceops.platform.messaging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a handler may know about the event it handles besides its data.
 *
 * @param eventId          the event's unique id: remember it to apply the event once
 * @param type             logical type name
 * @param version          contract version
 * @param source           the producing service, as CloudEvents source
 * @param aggregateId      the aggregate the event is about (record key)
 * @param time             when it was raised
 * @param correlationId    the flow it belongs to
 * @param aggregateVersion the producer aggregate's version after the change, to detect stale events
 */
public record EventContext(String eventId, String type, int version, String source, String aggregateId, Instant time,
        @Nullable String correlationId, @Nullable Long aggregateVersion) {
}
