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
            java.util.Map<String, Long> before = self.cpuMillisByKind();
            long until = System.nanoTime() + 300_000_000L;
            long spun = 0;
            while (System.nanoTime() < until) {
                spun++;
            }
            java.util.Map<String, Long> after = self.cpuMillisByKind();
            long total = self.cpuMillis();

            assertThat(spun).isPositive();
            assertThat(after).containsKeys("application", "jit");
            // this thread's spin is the application's, and the kinds add up to the process's total
            assertThat(after.get("application") - before.get("application")).isGreaterThanOrEqualTo(200);
            assertThat(after.values().stream().mapToLong(Long::longValue).sum()).isBetween(total - 100, total + 10);
            assertThat(Bench.perOperation(before, after, 10).get("application")).isInstanceOf(Double.class);
        }
        assertThat(new StackProcess(null).cpuMillisByKind()).isEmpty();
    }
}
