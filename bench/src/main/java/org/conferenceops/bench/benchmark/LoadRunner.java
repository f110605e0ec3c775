package org.conferenceops.bench.benchmark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.conferenceops.bench.Api;

/**
 * Generates load the way it arrives in reality: open loop (requests start on schedule whether or not earlier ones
 * have answered, each on its own virtual thread), with latency measured from the <em>intended</em> start so that
 * a stalled server is not hidden by a waiting client (no coordinated omission); a burst (everything released at
 * once); and closed loop (a fixed number of clients as fast as they can) for ceilings.
 */
final class LoadRunner {

    /**
     * What a load produced.
     *
     * @param requests requests sent
     * @param errors requests answered with anything but the expected statuses (or not answered)
     * @param elapsed from the first intended start to the last answer
     * @param latencies from intended start to the whole answer
     * @param statuses how many answers had each status (0 = no answer)
     */
    record Outcome(long requests, long errors, Duration elapsed, Latencies latencies, Map<Integer, Long> statuses) {

        double perSecond() {
            return elapsed.isZero() ? 0 : requests * 1_000_000_000.0 / elapsed.toNanos();
        }

        Map<String, Object> summary() {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("requests", requests);
            summary.put("errors", errors);
            summary.put("elapsedMs", elapsed.toMillis());
            summary.put("achievedPerSecond", Latencies.round(perSecond()));
            summary.put("latency", latencies.summary());
            summary.put("statuses", statuses);
            return summary;
        }
    }

    /** Sends {@code request(i)} at {@code ratePerSecond} for {@code duration}; 2xx answers count as success. */
    static Outcome openLoop(int ratePerSecond, Duration duration, IntFunction<Api.Response> request) {
        long interval = 1_000_000_000L / ratePerSecond;
        long total = duration.toNanos() / interval;
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicLong lastAnswer = new AtomicLong();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long intended = start + i * interval;
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int index = i;
                threads.submit(() -> {
                    Api.Response response = request.apply(index);
                    long now = System.nanoTime();
                    latencies.recordNanos(now - intended);
                    lastAnswer.accumulateAndGet(now, Math::max);
                    statuses.computeIfAbsent(response.status(), s -> new AtomicLong()).incrementAndGet();
                    if (!response.ok()) {
                        errors.incrementAndGet();
                    }
                });
            }
        }
        return new Outcome(total, errors.get(), Duration.ofNanos(Math.max(0, lastAnswer.get() - start)), latencies,
                plain(statuses));
    }

    /** Releases {@code count} requests at the same instant and waits for every answer. */
    static Outcome burst(int count, IntFunction<Api.Response> request) {
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        long[] start = new long[1];
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int index = i;
                threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    long sent = System.nanoTime();
                    Api.Response response = request.apply(index);
                    long now = System.nanoTime();
                    latencies.recordNanos(now - sent);
                    lastAnswer.accumulateAndGet(now, Math::max);
                    statuses.computeIfAbsent(response.status(), s -> new AtomicLong()).incrementAndGet();
                    if (!response.ok()) {
                        errors.incrementAndGet();
                    }
                    return null;
                });
            }
            await(ready);
            start[0] = System.nanoTime();
            go.countDown();
        }
        return new Outcome(count, errors.get(), Duration.ofNanos(lastAnswer.get() - start[0]), latencies,
                plain(statuses));
    }

    /** {@code clients} clients send {@code request} back to back for {@code duration}. */
    static Outcome closedLoop(int clients, Duration duration, IntFunction<Api.Response> request) {
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try (ExecutorService threads = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        long begin = System.nanoTime();
                        Api.Response response = request.apply((int) sent.incrementAndGet());
                        latencies.recordNanos(System.nanoTime() - begin);
                        statuses.computeIfAbsent(response.status(), s -> new AtomicLong()).incrementAndGet();
                        if (!response.ok()) {
                            errors.incrementAndGet();
                        }
                    }
                });
            }
        }
        return new Outcome(sent.get(), errors.get(), Duration.ofNanos(System.nanoTime() - start), latencies,
                plain(statuses));
    }

    private static Map<Integer, Long> plain(Map<Integer, AtomicLong> counts) {
        Map<Integer, Long> plain = new java.util.TreeMap<>();
        counts.forEach((status, count) -> plain.put(status, count.get()));
        return plain;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the burst's clients did not get ready");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
