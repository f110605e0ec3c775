package org.conferenceops.notification.sessions;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the session sweeps on one daemon thread: due change batches every {@code sweep-interval}, reminders every
 * {@code reminder-interval}. Stopped with the context, before the fan-out workers, waiting at most 5 s for a sweep
 * in progress (whatever it leaves half-done, the next start finishes: change batches stay in flight until told).
 */
@Component
class SessionSweeps implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionSweeps.class);

    private final SessionChanges changes;
    private final Reminders reminders;
    private final SessionSettings settings;
    private @Nullable ScheduledExecutorService thread;

    SessionSweeps(SessionChanges changes, Reminders reminders, SessionSettings settings) {
        this.changes = changes;
        this.reminders = reminders;
        this.settings = settings;
    }

    @Override
    public void start() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread sweeper = new Thread(runnable, "notification-sessions");
            sweeper.setDaemon(true);
            return sweeper;
        });
        scheduler.scheduleWithFixedDelay(() -> run("change batches", changes::sweep),
                settings.sweepInterval().toMillis(), settings.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> run("reminders", reminders::sweep),
                settings.reminderInterval().toMillis(), settings.reminderInterval().toMillis(), TimeUnit.MILLISECONDS);
        thread = scheduler;
    }

    private static void run(String what, Runnable sweep) {
        MDC.put("application", "notification-service");
        try {
            sweep.run();
        }
        catch (RuntimeException e) {
            // a failed pass must not cancel the schedule; the next one retries
            log.warn("Sweep of {} failed; the next one retries: {}", what, e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = thread;
        thread = null;
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
    public boolean isRunning() {
        return thread != null;
    }

    @Override
    public int getPhase() {
        // stops before the fan-out workers (Integer.MAX_VALUE - 100) so that no job is started while they stop
        return Integer.MAX_VALUE - 50;
    }
}
