package org.conferenceops.platform.outbox;

import java.util.HashMap;
import java.util.Map;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;

/**
 * Captures the W3C {@code traceparent} of the current span when an event is raised and restores it as the parent
 * when the relay publishes, so the request that raised an event, its publication and its consumption are one
 * trace even though the relay runs later on another thread.
 */
public class TraceContextSource {

    private static final String TRACEPARENT = "traceparent";

    private final @Nullable Tracer tracer;
    private final @Nullable Propagator propagator;

    public TraceContextSource(@Nullable Tracer tracer, @Nullable Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The traceparent of the current span, or null outside a trace. */
    public @Nullable String currentTraceparent() {
        if (tracer == null || propagator == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Starts a span named {@code name} whose parent is the given traceparent (or a new trace) and runs the work
     * inside it.
     */
    public void runInSpan(String name, @Nullable String traceparent, Runnable work) {
        if (tracer == null || propagator == null) {
            work.run();
            return;
        }
        Span.Builder builder = traceparent == null ? tracer.spanBuilder()
                : propagator.extract(Map.of(TRACEPARENT, traceparent), (carrier, key) -> carrier.get(key));
        Span span = builder.name(name).start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            work.run();
        }
        finally {
            span.end();
        }
    }
}
