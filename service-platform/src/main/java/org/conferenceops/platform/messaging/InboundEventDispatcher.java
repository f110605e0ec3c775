package org.conferenceops.platform.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.conferenceops.events.EventCodec;
import org.conferenceops.events.EventEnvelope;
import org.conferenceops.events.IntegrationEvent;
import org.conferenceops.events.InvalidEventException;
import org.conferenceops.platform.correlation.Correlation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a record value into an event and gives it to the handlers registered for its type, inside the event's
 * correlation. A value that is not a valid event is rejected with {@link InvalidEventException}, which the binder
 * does not retry and sends straight to the dead-letter topic with the reason; an event of a type this service has
 * no handler for is acknowledged and counted.
 */
public class InboundEventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(InboundEventDispatcher.class);

    private final EventCodec codec;
    private final Map<Class<?>, List<EventHandler<?>>> handlers = new HashMap<>();
    private final MeterRegistry meters;
    private final String serviceName;

    public InboundEventDispatcher(EventCodec codec, List<EventHandler<?>> handlers, MeterRegistry meters,
            String serviceName) {
        this.codec = codec;
        this.serviceName = serviceName;
        this.meters = meters;
        for (EventHandler<?> handler : handlers) {
            codec.catalogue().describe(handler.eventType());
            this.handlers.computeIfAbsent(handler.eventType(), k -> new java.util.ArrayList<>()).add(handler);
        }
    }

    /**
     * Decodes and dispatches one record value. An event type this service has no handler for is acknowledged and
     * counted without reading its data, whatever its version (so a producer may add types before consumers are
     * upgraded); an unsupported version of a type it does handle is rejected, to be replayed after an upgrade.
     */
    public void dispatch(byte[] value) {
        // several services may share one JVM (the local stack): tag this thread's log lines with its service
        org.slf4j.MDC.put("application", serviceName);
        EventEnvelope envelope = reject(() -> codec.read(value));
        List<EventHandler<?>> targets = handlersOf(envelope.type());
        if (targets.isEmpty()) {
            counter("ignored", envelope.type()).increment();
            return;
        }
        IntegrationEvent event = reject(() -> codec.payload(envelope));
        EventContext context = new EventContext(envelope.id(), envelope.type(), envelope.dataVersion(),
                envelope.source(), envelope.subject(), envelope.time(), envelope.correlationId(),
                envelope.aggregateVersion());
        try (Correlation.Scope ignored = Correlation.open(envelope.correlationId(), envelope.id())) {
            for (EventHandler<?> handler : targets) {
                handle(handler, event, context);
            }
        }
        counter("handled", envelope.type()).increment();
    }

    private List<EventHandler<?>> handlersOf(String type) {
        return handlers.entrySet().stream()
                .filter(entry -> codec.catalogue().describe(entry.getKey().asSubclass(IntegrationEvent.class))
                        .type().equals(type))
                .findFirst().map(Map.Entry::getValue).orElse(List.of());
    }

    private <T> T reject(java.util.function.Supplier<T> decoding) {
        try {
            return decoding.get();
        }
        catch (InvalidEventException e) {
            counter("rejected", e instanceof org.conferenceops.events.UnknownEventException ? "unknown-version" : "invalid")
                    .increment();
            log.warn("Rejecting an event to the dead-letter topic: {}", e.getMessage());
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends IntegrationEvent> void handle(EventHandler<E> handler, IntegrationEvent event,
            EventContext context) {
        handler.handle((E) event, context);
    }

    private Counter counter(String outcome, String type) {
        return Counter.builder("events.consumed").tag("outcome", outcome).tag("type", type)
                .description("Integration events received, by outcome").register(meters);
    }
}
