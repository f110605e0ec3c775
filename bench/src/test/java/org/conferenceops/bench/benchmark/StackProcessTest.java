package org.conferenceops.bench.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class StackProcessTest {

    @Test
    void cpuTimeOfAProcessIsReadFromProcAsTheJvmCountsItsOwn() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (StackProcess self = new StackProcess(ProcessHandle.current().pid())) {
            long before = self.cpuMillis();
            long jvmBefore = os.getProcessCpuTime() / 1_000_000;
            long spun = 0;
            long until = System.nanoTime() + 400_000_000L;
            while (System.nanoTime() < until) {
                spun++;
            }
            long used = self.cpuMillis() - before;
            long jvmUsed = os.getProcessCpuTime() / 1_000_000 - jvmBefore;

            assertThat(spun).isPositive();
            assertThat(jvmUsed).isGreaterThanOrEqualTo(300);
            // /proc counts in hundredths of a second: within a few ticks (and the sampler's reads) of the JVM's count
            assertThat(used).isBetween(jvmUsed - 60, jvmUsed + 60);
        }
        assertThat(new StackProcess(null).cpuMillis()).isZero();
    }

    @Test
    void cpuTimeIsSplitIntoCompilerCollectorAndApplicationThreads() {
        assertThat(StackProcess.kindOf("C2 CompilerThre")).isEqualTo("jit");
        assertThat(StackProcess.kindOf("C1 CompilerThre")).isEqualTo("jit");
        assertThat(StackProcess.kindOf("GC Thread#1")).isEqualTo("gc");
        assertThat(StackProcess.kindOf("G1 Conc#0")).isEqualTo("gc");
        assertThat(StackProcess.kindOf("G1 Refine#0")).isEqualTo("gc");
        assertThat(StackProcess.kindOf("http-nio-8081-e")).isEqualTo("application");

        try (StackProcess self = new StackProcess(ProcessHandle.current().pid())) {
            StackProcess.CpuReading before = self.cpu();
            long until = System.nanoTime() + 300_000_000L;
            long spun = 0;
            while (System.nanoTime() < until) {
                spun++;
            }
            java.util.Map<String, Object> perOperation = self.cpu().perOperationSince(before, 10);

            assertThat(spun).isPositive();
            assertThat(before.compilerMillis()).isNotEmpty();
            assertThat(before.collectorMillis()).isNotEmpty();
            // this thread's spin is the application's: at least 300 ms over 10 operations
            assertThat((Double) perOperation.get("application")).isGreaterThanOrEqualTo(20.0);
            assertThat((Double) perOperation.get("total")).isCloseTo((Double) perOperation.get("application")
                    + (Double) perOperation.get("jit") + (Double) perOperation.get("gc"),
                    org.assertj.core.data.Offset.offset(0.2));
        }
        assertThat(new StackProcess(null).cpu().compilerMillis()).isEmpty();
    }

    @Test
    void threadsThatComeAndGoBetweenReadingsAreCountedAsTheProcessCountsThem() {
        // compiler thread 7 ran 40 ms more, 8 started and ran 20 ms; collectors 9 (pauses) and 10 (marking) ran 100
        // and 50 ms; the process 1,000 ms in all, a request thread that ended meanwhile included
        StackProcess.CpuReading before = new StackProcess.CpuReading(5_000, java.util.Map.of(7L, 300L),
                java.util.Map.of(9L, 700L, 10L, 100L), java.util.Map.of(10L, 100L));
        StackProcess.CpuReading after = new StackProcess.CpuReading(6_000, java.util.Map.of(7L, 340L, 8L, 20L),
                java.util.Map.of(9L, 800L, 10L, 150L), java.util.Map.of(10L, 150L));

        assertThat(after.perOperationSince(before, 100)).containsEntry("total", 10.0).containsEntry("jit", 0.6)
                .containsEntry("gc", 1.5).containsEntry("gcConcurrent", 0.5).containsEntry("application", 7.9);
    }
}
