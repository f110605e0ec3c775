package org.conferenceops.pledge.requirements;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The organisers' gauge {@code pledge.capability.gap} (Prometheus {@code pledge_capability_gap_units}): what the
 * published requirements still lack, summed per requirement category ({@code capability}) and measure (units,
 * personnel or equipment items never add up together). Read from the stored coverage on start and every
 * {@code conference-ops.pledge.metrics-refresh-interval}.
 */
@Component
class GapGauges {

    static final String NAME = "pledge.capability.gap";

    private final RequirementRepository requirements;
    private final MultiGauge gauge;
    private final Map<Tags, Long> last = new HashMap<>();

    GapGauges(RequirementRepository requirements, MeterRegistry meters) {
        this.requirements = requirements;
        this.gauge = MultiGauge.builder(NAME).description("What capability requirements still lack, per category")
                .baseUnit("units").register(meters);
    }

    @Scheduled(fixedDelayString = "${conference-ops.pledge.metrics-refresh-interval:15s}")
    synchronized void refresh() {
        Map<Tags, Long> now = new HashMap<>();
        last.keySet().forEach(tags -> now.put(tags, 0L));
        for (CapabilityRequirement requirement : requirements.findAll()) {
            Tags tags = Tags.of("capability", requirement.category().name(), "measure", requirement.measure().name());
            now.merge(tags, (long) requirement.coverage().gap(), Long::sum);
        }
        last.clear();
        last.putAll(now);
        List<MultiGauge.Row<?>> rows = now.entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(), e.getValue())).toList();
        gauge.register(rows, true);
    }
}
