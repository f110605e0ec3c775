package org.conferenceops.platform.backbone;

import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.conferenceops.platform.messaging.EventContext;
import org.conferenceops.platform.messaging.EventHandler;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.stereotype.Component;

/** The test handler: applies each entry once, and fails on demand to exercise retries and dead letters. */
@Component
class LedgerProjector implements EventHandler<LedgerEntryAdded> {

    interface Projections extends MongoRepository<LedgerProjection, String> {
    }

    private final Projections projections;
    /** Ledgers whose failing entries have been "fixed": their handler now succeeds. */
    final java.util.Set<String> fixedLedgers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final AtomicInteger attempts = new AtomicInteger();
    final java.util.Map<String, String> traceIds = new java.util.concurrent.ConcurrentHashMap<>();
    private final Tracer tracer;

    LedgerProjector(Projections projections, Tracer tracer) {
        this.projections = projections;
        this.tracer = tracer;
    }

    @Override
    public Class<LedgerEntryAdded> eventType() {
        return LedgerEntryAdded.class;
    }

    @Override
    public void handle(LedgerEntryAdded event, EventContext context) {
        attempts.incrementAndGet();
        Span span = tracer.currentSpan();
        if (span != null) {
            traceIds.put(context.eventId(), span.context().traceId());
        }
        if (event.failWhenHandled() && !fixedLedgers.contains(event.ledgerId())) {
            throw new IllegalStateException("ledger " + event.ledgerId() + " cannot take entry " + event.sequence());
        }
        LedgerProjection projection = projections.findById(event.ledgerId())
                .orElseGet(() -> new LedgerProjection(event.ledgerId()));
        if (projection.appliedEvents().shouldSkip(context)) {
            return;
        }
        projection.apply(event.sequence(), projection.appliedEvents().with(context));
        projections.save(projection);
    }
}
