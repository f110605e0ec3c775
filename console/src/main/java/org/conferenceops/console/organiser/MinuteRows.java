package org.conferenceops.console.organiser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * registration-service's per-minute check-in series (entrance → minute → entries) turned into table rows: one row
 * per minute that had entries, newest first, with a cell per entrance, and the peak so that bars share one scale.
 *
 * @param entrances the columns, in registration-service's order
 * @param rows minutes with at least one entry, newest first
 * @param peak the largest count of one entrance in one minute (at least 1)
 */
record MinuteRows(List<String> entrances, List<Row> rows, long peak) {

    /** One minute: its {@code HH:mm} (UTC) and the entries per entrance, in the order of {@code entrances}. */
    record Row(String minute, List<Long> counts) {
    }

    static MinuteRows of(@Nullable Object byMinute) {
        if (!(byMinute instanceof Map<?, ?> series)) {
            return new MinuteRows(List.of(), List.of(), 1);
        }
        List<String> entrances = new ArrayList<>();
        Map<String, List<Long>> minutes = new TreeMap<>();
        long peak = 1;
        for (Map.Entry<?, ?> entrance : series.entrySet()) {
            int column = entrances.size();
            entrances.add(String.valueOf(entrance.getKey()));
            if (!(entrance.getValue() instanceof Map<?, ?> counts)) {
                continue;
            }
            for (Map.Entry<?, ?> minute : counts.entrySet()) {
                long count = minute.getValue() instanceof Number n ? n.longValue() : 0;
                List<Long> row = minutes.computeIfAbsent(String.valueOf(minute.getKey()), m -> new ArrayList<>());
                while (row.size() < column) {
                    row.add(0L);
                }
                row.add(count);
                peak = Math.max(peak, count);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<Long>> minute : minutes.entrySet()) {
            List<Long> counts = minute.getValue();
            while (counts.size() < entrances.size()) {
                counts.add(0L);
            }
            if (counts.stream().anyMatch(c -> c > 0)) {
                rows.add(0, new Row(label(minute.getKey()), List.copyOf(counts)));
            }
        }
        return new MinuteRows(List.copyOf(entrances), List.copyOf(rows), peak);
    }

    /** {@code 2026-11-22T14:05:00Z} → {@code 14:05}. */
    private static String label(String instant) {
        return instant.length() >= 16 ? instant.substring(11, 16) : instant;
    }
}
