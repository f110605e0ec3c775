package org.conferenceops.bench.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A latency distribution recorded into an HdrHistogram (microsecond resolution, 3 significant digits, up to 10
 * minutes), safe to record from many threads.
 */
public final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);

    /** Records one latency in nanoseconds (clamped to the trackable range). */
    public void recordNanos(long nanos) {
        histogram.recordValue(Math.clamp(nanos / 1_000, 0, histogram.getHighestTrackableValue()));
    }

    /** Records one latency in milliseconds. */
    public void recordMillis(long millis) {
        recordNanos(TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis)));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The value at a percentile (0–100) in milliseconds. */
    public double percentileMillis(double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    public double maxMillis() {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue() / 1_000.0;
    }

    /** count, p50, p90, p99, p99.9 and max in milliseconds, for the results file. */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", count());
        summary.put("p50Ms", round(percentileMillis(50)));
        summary.put("p90Ms", round(percentileMillis(90)));
        summary.put("p99Ms", round(percentileMillis(99)));
        summary.put("p999Ms", round(percentileMillis(99.9)));
        summary.put("maxMs", round(maxMillis()));
        return summary;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
