package org.conferenceops.notification.delivery;

import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Starts the fan-out of a message and returns at once: delivery happens on the fan-out workers, never on the
 * caller's (consumer's) thread. Starting the same source event again is a no-op.
 */
@Component
public class FanOut {

    private final FanOutJobRepository jobs;
    private final FanOutWorker worker;
    private final Clock clock;

    FanOut(FanOutJobRepository jobs, FanOutWorker worker, Clock clock) {
        this.jobs = jobs;
        this.worker = worker;
        this.clock = clock;
    }

    /** Records the job (once per source event) and wakes the workers. */
    public void start(FanOutRequest request) {
        if (jobs.existsById(FanOutJob.idFor(request.sourceEventId()))) {
            return;
        }
        try {
            jobs.insert(FanOutJob.of(request, clock.instant()));
        }
        catch (DuplicateKeyException startedConcurrently) {
            return;
        }
        worker.wakeUp();
    }
}
