package org.conferenceops.pledge.pledging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The organisers' gauge {@code pledge.pledges} (Prometheus {@code pledge_pledges}): how many pledges are in each
 * status, by conference, status and category. Recounted from the database on start and every
 * {@code conference-ops.pledge.metrics-refresh-interval}, so it is right after a restart and on every replica.
 */
@Component
class PledgeGauges {

    static final String NAME = "pledge.pledges";

    private final MongoTemplate mongo;
    private final MultiGauge gauge;
    /** Every combination counted so far: one that empties reads 0 instead of disappearing from the dashboard. */
    private final Map<Tags, Long> last = new HashMap<>();

    PledgeGauges(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.gauge = MultiGauge.builder(NAME).description("Pledges by conference, status and category")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${conference-ops.pledge.metrics-refresh-interval:15s}")
    synchronized void refresh() {
        Aggregation count = Aggregation.newAggregation(
                Aggregation.group("conferenceId", "status", "category").count().as("count"));
        Map<Tags, Long> now = new HashMap<>();
        last.keySet().forEach(tags -> now.put(tags, 0L));
        for (Document row : mongo.aggregate(count, Pledge.class, Document.class).getMappedResults()) {
            Document id = row.get("_id", Document.class);
            now.put(Tags.of("conference", id.getString("conferenceId"), "status", id.getString("status"),
                    "category", id.getString("category")), ((Number) row.get("count")).longValue());
        }
        last.clear();
        last.putAll(now);
        List<MultiGauge.Row<?>> rows = now.entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(), e.getValue())).toList();
        gauge.register(rows, true);
    }
}
