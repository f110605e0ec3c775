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
 * in the background for the peak, and a summary of a thread dump taken with {@code jcmd}.
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
