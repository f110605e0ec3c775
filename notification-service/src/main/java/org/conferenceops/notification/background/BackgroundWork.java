package org.conferenceops.notification.background;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;

/**
 * Work the service does on its own daemon threads, started and stopped with the application context: periodic
 * passes ({@link #every}) and passes run on demand ({@link #runSoon}). A pass that fails is logged and the schedule
 * goes on (the next pass retries); stopping interrupts the threads and waits at most 5 s for a pass in progress,
 * whose half-done work the next start finishes (every pass is resumable by design).
 */
public abstract class BackgroundWork implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);

    private final String threadName;
    private final int threads;
    private final int phase;
    private volatile @Nullable ScheduledExecutorService executor;

    /**
     * @param threadName the name of the threads, as thread dumps show it
     * @param threads    how many passes may run at once
     * @param phase      the lifecycle phase: higher starts later and stops earlier
     */
    protected BackgroundWork(String threadName, int threads, int phase) {
        this.threadName = threadName;
        this.threads = threads;
        this.phase = phase;
    }

    /** Declares the periodic passes with {@link #every}; called on each start. */
    protected abstract void schedule();

    /** Runs {@code pass} every {@code interval} (after the previous one ends), the first after {@code first}. */
    protected final void every(String what, Duration first, Duration interval, Runnable pass) {
        ScheduledExecutorService running = executor;
        if (running != null) {
            running.scheduleWithFixedDelay(() -> run(what, pass), first.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Runs {@code pass} once as soon as a thread is free; false when stopped. */
    protected final boolean runSoon(String what, Runnable pass) {
        ScheduledExecutorService running = executor;
        if (running == null) {
            return false;
        }
        try {
            running.execute(() -> run(what, pass));
            return true;
        }
        catch (RejectedExecutionException stopping) {
            return false;
        }
    }

    /** How many threads run the passes. */
    protected final int threads() {
        return threads;
    }

    private static void run(String what, Runnable pass) {
        MDC.put("application", "notification-service");
        try {
            pass.run();
        }
        catch (RuntimeException e) {
            // a failed pass must not cancel the schedule; the next one retries
            log.warn("Pass of {} failed; the next one retries: {}", what, e.toString());
        }
    }

    @Override
    public final synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        schedule();
    }

    @Override
    public final synchronized void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public final boolean isRunning() {
        return executor != null;
    }

    @Override
    public final int getPhase() {
        return phase;
    }
}
