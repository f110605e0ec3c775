package org.conferenceops.registration.accreditation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.conferenceops.registration.delegates.Delegate;
import org.conferenceops.registration.delegates.DelegateStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The organisers' accreditation gauges, recounted from the database on start and every
 * {@code registration.metrics-refresh-interval}, so they are right after a restart and on every replica:
 * {@code registration.accreditation.pending} (Prometheus {@code registration_accreditation_pending}, by conference)
 * and {@code registration.accreditation.queue} (every status, by conference and status).
 */
@Component
class AccreditationGauges {

    static final String PENDING = "registration.accreditation.pending";
    static final String QUEUE = "registration.accreditation.queue";

    private final MongoTemplate mongo;
    private final MultiGauge pending;
    private final MultiGauge queue;
    /** Conferences counted so far: a status that empties reads 0 instead of disappearing from the dashboard. */
    private final Set<String> conferences = new HashSet<>();

    AccreditationGauges(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.pending = MultiGauge.builder(PENDING).description("Delegates waiting for an accreditation decision")
                .register(meters);
        this.queue = MultiGauge.builder(QUEUE).description("Delegates in each accreditation status")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${registration.metrics-refresh-interval:15s}")
    synchronized void refresh() {
        Aggregation count = Aggregation.newAggregation(
                Aggregation.group("conferenceId", "status").count().as("count"));
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (Document row : mongo.aggregate(count, Delegate.class, Document.class).getMappedResults()) {
            Document id = row.get("_id", Document.class);
            counts.computeIfAbsent(id.getString("conferenceId"), c -> new HashMap<>())
                    .put(id.getString("status"), ((Number) row.get("count")).longValue());
        }
        conferences.addAll(counts.keySet());
        List<MultiGauge.Row<?>> pendingRows = new ArrayList<>();
        List<MultiGauge.Row<?>> queueRows = new ArrayList<>();
        for (String conference : conferences) {
            Map<String, Long> byStatus = counts.getOrDefault(conference, Map.of());
            pendingRows.add(MultiGauge.Row.of(Tags.of("conference", conference),
                    byStatus.getOrDefault(DelegateStatus.PENDING.name(), 0L)));
            for (DelegateStatus status : DelegateStatus.values()) {
                queueRows.add(MultiGauge.Row.of(Tags.of("conference", conference, "status", status.name()),
                        byStatus.getOrDefault(status.name(), 0L)));
            }
        }
        pending.register(pendingRows, true);
        queue.register(queueRows, true);
    }
}
