package org.conferenceops.platform.messaging;

import org.conferenceops.events.IntegrationEvent;

/**
 * Handles one kind of integration event in business terms. Implementations are Spring beans; there is no Kafka,
 * JSON or header type in sight. A handler must be idempotent: the same event may arrive more than once (see
 * {@link AppliedEvents}, or create what it creates under deterministic ids). An exception makes the event be
 * retried and, when retries are exhausted, dead-lettered; it never blocks the partition.
 *
 * @param <E> the event record handled
 */
public interface EventHandler<E extends IntegrationEvent> {

    /** The record this handler is for. */
    Class<E> eventType();

    void handle(E event, EventContext context);
}
