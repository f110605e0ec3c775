package org.conferenceops.bench.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the figures out of what Kafka's {@code ProducerPerformance} and {@code EndToEndLatency} print. */
final class KafkaToolOutput {

    // "200000 records sent, 91491.3 records/sec (44.67 MB/sec), 310.91 ms avg latency, 602.00 ms max latency,
    //  311 ms 50th, 560 ms 95th, 590 ms 99th, 600 ms 99.9th."
    private static final Pattern PRODUCER = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) "
            + "MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms "
            + "99th, (\\d+) ms 99\\.9th");
    private static final Pattern AVERAGE = Pattern.compile("Avg latency: ([\\d.]+) ms");
    private static final Pattern PERCENTILES = Pattern.compile(
            "Percentiles: 50th = (\\d+), 99th = (\\d+), 99\\.9th = (\\d+)");

    private KafkaToolOutput() {
    }

    /** The final summary line of {@code ProducerPerformance}, or an empty map when there is none. */
    static Map<String, Object> producerPerformance(String output) {
        Map<String, Object> figures = new LinkedHashMap<>();
        Matcher last = null;
        Matcher matcher = PRODUCER.matcher(output);
        while (matcher.find()) {
            last = matcher;
            figures.put("records", Long.parseLong(matcher.group(1)));
            figures.put("recordsPerSecond", Double.parseDouble(matcher.group(2)));
            figures.put("mbPerSecond", Double.parseDouble(matcher.group(3)));
            figures.put("avgLatencyMs", Double.parseDouble(matcher.group(4)));
            figures.put("maxLatencyMs", Double.parseDouble(matcher.group(5)));
            figures.put("p50Ms", Long.parseLong(matcher.group(6)));
            figures.put("p95Ms", Long.parseLong(matcher.group(7)));
            figures.put("p99Ms", Long.parseLong(matcher.group(8)));
            figures.put("p999Ms", Long.parseLong(matcher.group(9)));
        }
        return last == null ? Map.of() : figures;
    }

    /** The average and percentiles {@code EndToEndLatency} prints at the end, or an empty map. */
    static Map<String, Object> endToEndLatency(String output) {
        Map<String, Object> figures = new LinkedHashMap<>();
        Matcher average = AVERAGE.matcher(output);
        if (average.find()) {
            figures.put("avgMs", Double.parseDouble(average.group(1)));
        }
        Matcher percentiles = PERCENTILES.matcher(output);
        if (percentiles.find()) {
            figures.put("p50Ms", Long.parseLong(percentiles.group(1)));
            figures.put("p99Ms", Long.parseLong(percentiles.group(2)));
            figures.put("p999Ms", Long.parseLong(percentiles.group(3)));
        }
        return figures;
    }
}
