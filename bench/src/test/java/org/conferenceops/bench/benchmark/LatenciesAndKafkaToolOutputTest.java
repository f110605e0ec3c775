package org.conferenceops.bench.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LatenciesAndKafkaToolOutputTest {

    @Test
    void percentilesComeFromTheRecordedDistribution() {
        Latencies latencies = new Latencies();
        for (int millis = 1; millis <= 1000; millis++) {
            latencies.recordMillis(millis);
        }

        assertThat(latencies.count()).isEqualTo(1000);
        assertThat(latencies.percentileMillis(50)).isCloseTo(500, within(1.0));
        assertThat(latencies.percentileMillis(99)).isCloseTo(990, within(1.0));
        assertThat(latencies.maxMillis()).isCloseTo(1000, within(1.0));
        assertThat(latencies.summary()).containsKeys("count", "p50Ms", "p99Ms", "p999Ms", "maxMs");
    }

    @Test
    void readsTheLastSummaryOfProducerPerformance() {
        String output = """
                41000 records sent, 8200.0 records/sec (4.00 MB/sec), 120.5 ms avg latency, 400.0 ms max latency.
                200000 records sent, 91491.3 records/sec (44.67 MB/sec), 310.91 ms avg latency, 602.00 ms max latency, \
                311 ms 50th, 560 ms 95th, 590 ms 99th, 600 ms 99.9th.
                """;

        Map<String, Object> figures = KafkaToolOutput.producerPerformance(output);

        assertThat(figures).containsEntry("records", 200000L).containsEntry("recordsPerSecond", 91491.3)
                .containsEntry("p99Ms", 590L).containsEntry("p999Ms", 600L);
    }

    @Test
    void readsAverageAndPercentilesOfEndToEndLatency() {
        String output = "0\t12.3\n1000\t1.1\nAvg latency: 1.4210 ms\nPercentiles: 50th = 1, 99th = 4, 99.9th = 9\n";

        assertThat(KafkaToolOutput.endToEndLatency(output)).containsEntry("avgMs", 1.421).containsEntry("p50Ms", 1L)
                .containsEntry("p99Ms", 4L).containsEntry("p999Ms", 9L);
    }

    @Test
    void findsNothingInOutputWithoutASummary() {
        assertThat(KafkaToolOutput.producerPerformance("Exception in thread main")).isEmpty();
        assertThat(KafkaToolOutput.endToEndLatency("")).isEmpty();
    }
}
