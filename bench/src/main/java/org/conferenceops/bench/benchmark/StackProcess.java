package org.conferenceops.bench.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The stack's JVM seen from outside: its resident memory ({@code VmRSS} in {@code /proc/<pid>/status}), sampled
 * in the background for the peak, the CPU time it has used, and a summary of a thread dump taken with {@code jcmd}.
 */
final class StackProcess implements AutoCloseable {

    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    private static final Pattern THREAD = Pattern.compile("^\"([^\"]+)\".*?\\n\\s+java\\.lang\\.Thread\\.State: (\\S+)"
            + "(?:[^\\n]*\\n\\s+at ([^\\n(]+))?", Pattern.MULTILINE);

    private final @Nullable Long pid;
    private final Thread sampler;
    private volatile long peakKb;
    private volatile long overallPeakKb;
    private volatile boolean running = true;

    StackProcess(@Nullable Long pid) {
        this.pid = pid;
        this.sampler = Thread.ofPlatform().daemon().name("rss-sampler").start(() -> {
            while (running) {
                long kb = rssKb();
                if (kb > peakKb) {
                    peakKb = kb;
                }
                if (kb > overallPeakKb) {
                    overallPeakKb = kb;
                }
                try {
                    Thread.sleep(500);
                }
                catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** The current resident set in KiB, or 0 when unknown. */
    long rssKb() {
        if (pid == null) {
            return 0;
        }
        try {
            Matcher matcher = RSS.matcher(Files.readString(Path.of("/proc", pid.toString(), "status")));
            return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
        }
        catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * The CPU time the stack's JVM has used since it started, user and system, in milliseconds ({@code utime} and
     * {@code stime} of {@code /proc/<pid>/stat}, in the kernel's 100 ticks a second); 0 when unknown. The difference
     * over a scenario is what the scenario cost the stack, a steadier measure of a change than latencies on a
     * saturated machine.
     */
    long cpuMillis() {
        if (pid == null) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid.toString(), "stat"));
            // the command name (field 2) is in parentheses and may hold spaces: count fields after its end
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        }
        catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * The CPU time of the stack's JVM so far ({@link #cpuMillis}) and that of its compiler and collector threads,
     * each thread's own; {@link CpuReading#perOperationSince} turns two readings into CPU per operation.
     */
    CpuReading cpu() {
        Map<Long, Long> compilers = new LinkedHashMap<>();
        Map<Long, Long> collectors = new LinkedHashMap<>();
        Map<Long, Long> concurrentCollectors = new LinkedHashMap<>();
        if (pid != null) {
            try (var tasks = Files.list(Path.of("/proc", pid.toString(), "task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        String kind = kindOf(name);
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                        long millis = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
                        long tid = Long.parseLong(task.getFileName().toString());
                        if (kind.equals("jit")) {
                            compilers.put(tid, millis);
                        }
                        else if (kind.equals("gc")) {
                            collectors.put(tid, millis);
                            if (!name.startsWith("GC Thread")) {
                                concurrentCollectors.put(tid, millis);
                            }
                        }
                    }
                    catch (IOException | RuntimeException endedMeanwhile) {
                        // a thread that ended between the listing and the read
                    }
                }
            }
            catch (IOException | RuntimeException e) {
                // no task list: the total alone
            }
        }
        return new CpuReading(cpuMillis(), compilers, collectors, concurrentCollectors);
    }

    /**
     * A reading of the stack's CPU time: the process's total and its compiler and collector threads' own, by thread
     * id (milliseconds); of the collector threads, those that work beside the application (G1's marking,
     * refinement and service threads) also apart.
     */
    record CpuReading(long totalMillis, Map<Long, Long> compilerMillis, Map<Long, Long> collectorMillis,
            Map<Long, Long> concurrentCollectorMillis) {

        /**
         * CPU milliseconds per operation since an earlier reading: {@code total}, {@code jit} (the C1 and C2
         * compiler threads), {@code gc} (the collector's threads; {@code gcConcurrent} the part of it done beside
         * the application rather than in pauses) and {@code application} (the rest, threads that ended meanwhile
         * included — so the split holds however many request threads came and went).
         */
        Map<String, Object> perOperationSince(CpuReading earlier, long operations) {
            double count = Math.max(1, operations);
            long total = totalMillis - earlier.totalMillis;
            long jit = since(compilerMillis, earlier.compilerMillis);
            long gc = since(collectorMillis, earlier.collectorMillis);
            Map<String, Object> perOperation = new LinkedHashMap<>();
            perOperation.put("total", Latencies.round(total / count));
            perOperation.put("application", Latencies.round((total - jit - gc) / count));
            perOperation.put("jit", Latencies.round(jit / count));
            perOperation.put("gc", Latencies.round(gc / count));
            perOperation.put("gcConcurrent", Latencies.round(since(concurrentCollectorMillis,
                    earlier.concurrentCollectorMillis) / count));
            return perOperation;
        }

        private static long since(Map<Long, Long> now, Map<Long, Long> before) {
            long sum = 0;
            for (Map.Entry<Long, Long> thread : now.entrySet()) {
                sum += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
            }
            return sum;
        }
    }

    /** The kind of a JVM thread by its name as the kernel knows it (at most 15 characters). */
    static String kindOf(String threadName) {
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
            return "jit";
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")) {
            return "gc";
        }
        return "application";
    }

    /** The peak since the last reset, in MiB. */
    double peakMib() {
        return Math.max(peakKb, rssKb()) / 1024.0;
    }

    /** The peak of the whole run, in MiB. */
    double overallPeakMib() {
        return Math.max(overallPeakKb, rssKb()) / 1024.0;
    }

    void resetPeak() {
        peakKb = rssKb();
    }

    /**
     * A thread dump of the stack summarised: threads per state, and the most common top frames of runnable and
     * blocked threads (where time goes under load). Empty when there is no pid or no {@code jcmd}.
     */
    Map<String, Object> threadDumpSummary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        if (pid == null) {
            return summary;
        }
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), pid.toString(), "Thread.print")
                    .redirectErrorStream(true).start();
            String dump = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            Map<String, Long> states = new java.util.TreeMap<>();
            Map<String, Long> frames = new java.util.HashMap<>();
            Matcher matcher = THREAD.matcher(dump);
            while (matcher.find()) {
                String state = matcher.group(2);
                states.merge(state, 1L, Long::sum);
                String frame = matcher.group(3);
                if (frame != null && !state.equals("WAITING") && !state.equals("TIMED_WAITING")) {
                    frames.merge(state + " " + frame.strip(), 1L, Long::sum);
                }
            }
            summary.put("threadsByState", states);
            summary.put("topFramesOfBusyThreads", frames.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                    .map(e -> e.getValue() + " x " + e.getKey()).collect(Collectors.toList()));
        }
        catch (IOException e) {
            summary.put("error", "jcmd failed: " + e.getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return summary;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
