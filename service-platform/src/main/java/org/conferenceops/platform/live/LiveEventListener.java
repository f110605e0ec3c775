package org.conferenceops.platform.live;

import java.util.function.BiConsumer;
import org.conferenceops.events.IntegrationEvent;
import org.conferenceops.platform.messaging.EventContext;

/**
 * Told of one kind of event on every replica, as soon as it is published on a topic listed in
 * {@code conference-ops.live.topics}. Unlike an {@link org.conferenceops.platform.messaging.EventHandler}, delivery
 * is not load-balanced, not retried and not remembered: a replica hears only what is published while it runs.
 * Use it to push to open screens (server-sent events); never to change state.
 *
 * @param <E> the event record listened to
 */
public interface LiveEventListener<E extends IntegrationEvent> {

    /** The record this listener is for. */
    Class<E> eventType();

    /** Called on the live stream's own thread: return quickly, and do not block on a slow client. */
    void onEvent(E event, EventContext context);

    /** A listener from a type and a body, to be declared as a {@code @Bean}. */
    static <E extends IntegrationEvent> LiveEventListener<E> of(Class<E> type, BiConsumer<E, EventContext> body) {
        return new LiveEventListener<>() {
            @Override
            public Class<E> eventType() {
                return type;
            }

            @Override
            public void onEvent(E event, EventContext context) {
                body.accept(event, context);
            }

            @Override
            public String toString() {
                return "LiveEventListener[" + type.getSimpleName() + "]";
            }
        };
    }
}
