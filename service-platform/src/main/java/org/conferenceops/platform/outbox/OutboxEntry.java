package org.conferenceops.platform.outbox;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One event waiting in an aggregate's outbox, already encoded as the exact CloudEvent the relay will publish, so
 * what was decided at write time (id, time, correlation, version) is what consumers see.
 *
 * @param eventId    the CloudEvents id
 * @param type       the logical type, for metrics and operators
 * @param topic      where it is published
 * @param key        the Kafka record key (the aggregate id)
 * @param createdAt  when it was raised; the relay's backlog age is measured from the oldest one
 * @param cloudEvent  the structured-mode CloudEvent JSON
 * @param traceparent the trace the event was raised in, restored as parent when it is published
 */
public record OutboxEntry(String eventId, String type, String topic, String key, Instant createdAt,
        String cloudEvent, @Nullable String traceparent) {

    public OutboxEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(cloudEvent, "cloudEvent");
    }
}
