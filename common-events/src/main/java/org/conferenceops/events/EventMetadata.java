package org.conferenceops.events;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the producer knows about an event besides its data, used to build its {@link EventEnvelope}.
 *
 * @param id               a new unique event id
 * @param serviceName      the producing service, becomes the CloudEvents source
 * @param time             when the event was raised
 * @param correlationId    the flow it belongs to
 * @param causationId      the request or event that caused it
 * @param aggregateVersion the aggregate's version after the change
 * @param traceparent      the W3C trace context of the request that raised it
 */
public record EventMetadata(String id, String serviceName, Instant time, @Nullable String correlationId,
        @Nullable String causationId, @Nullable Long aggregateVersion, @Nullable String traceparent) {

    public EventMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(time, "time");
    }
}
