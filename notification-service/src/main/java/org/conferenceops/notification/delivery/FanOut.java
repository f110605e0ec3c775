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

    /**
     * Records the job (once per source event: the job's id is derived from it, and MongoDB refuses a second insert
     * of one id, so no look-up first) and wakes the workers.
     */
    public void start(FanOutRequest request) {
        try {
            jobs.insert(FanOutJob.of(request, clock.instant()));
        }
        catch (DuplicateKeyException startedBefore) {
            return;
        }
        worker.wakeUp();
    }
}
