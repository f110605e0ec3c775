package org.conferenceops.console.organiser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MinuteRowsTest {

    @Test
    void minutesWithEntriesBecomeRowsNewestFirstWithACellPerEntrance() {
        Map<String, Object> north = new LinkedHashMap<>();
        north.put("2026-11-22T14:04:00Z", 0);
        north.put("2026-11-22T14:05:00Z", 3);
        north.put("2026-11-22T14:06:00Z", 0);
        Map<String, Object> south = new LinkedHashMap<>();
        south.put("2026-11-22T14:04:00Z", 0);
        south.put("2026-11-22T14:05:00Z", 1);
        south.put("2026-11-22T14:06:00Z", 2);
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("north-gate", north);
        series.put("south-gate", south);

        MinuteRows rows = MinuteRows.of(series);

        assertThat(rows.entrances()).containsExactly("north-gate", "south-gate");
        assertThat(rows.rows()).containsExactly(new MinuteRows.Row("14:06", List.of(0L, 2L)),
                new MinuteRows.Row("14:05", List.of(3L, 1L)));
        assertThat(rows.peak()).isEqualTo(3);
    }

    @Test
    void noSeriesFromRegistrationServiceGivesNoRows() {
        assertThat(MinuteRows.of(null).rows()).isEmpty();
        assertThat(MinuteRows.of(Map.of("north-gate", Map.of("2026-11-22T14:05:00Z", 0))).rows()).isEmpty();
    }
}
