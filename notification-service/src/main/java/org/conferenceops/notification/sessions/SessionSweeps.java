package org.conferenceops.notification.sessions;

import org.conferenceops.notification.background.BackgroundWork;
import org.springframework.stereotype.Component;

/**
 * Runs the session sweeps on one daemon thread: due change batches every {@code sweep-interval}, reminders every
 * {@code reminder-interval}. Stopped with the context, before the fan-out workers, waiting at most 5 s for a sweep
 * in progress (whatever it leaves half-done, the next start finishes: change batches stay in flight until told).
 */
@Component
class SessionSweeps extends BackgroundWork {

    private final SessionChanges changes;
    private final Reminders reminders;
    private final SessionSettings settings;

    SessionSweeps(SessionChanges changes, Reminders reminders, SessionSettings settings) {
        // stops before the fan-out workers (phase Integer.MAX_VALUE - 100) so that no job is started while they stop
        super("notification-sessions", 1, Integer.MAX_VALUE - 50);
        this.changes = changes;
        this.reminders = reminders;
        this.settings = settings;
    }

    @Override
    protected void schedule() {
        every("change batches", settings.sweepInterval(), settings.sweepInterval(), changes::sweep);
        every("reminders", settings.reminderInterval(), settings.reminderInterval(), reminders::sweep);
    }
}
