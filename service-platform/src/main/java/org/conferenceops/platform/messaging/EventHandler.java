package org.conferenceops.platform.messaging;

import java.util.function.BiConsumer;
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

    /**
     * A handler from a type and a body, for features whose handlers are one call each: declare them as
     * {@code @Bean} methods (with {@code @Order} where the order among handlers of one event matters) instead of
     * a class per event.
     */
    static <E extends IntegrationEvent> EventHandler<E> of(Class<E> type, BiConsumer<E, EventContext> body) {
        return new EventHandler<>() {
            @Override
            public Class<E> eventType() {
                return type;
            }

            @Override
            public void handle(E event, EventContext context) {
                body.accept(event, context);
            }

            @Override
            public String toString() {
                return "EventHandler[" + type.getSimpleName() + "]";
            }
        };
    }
}
