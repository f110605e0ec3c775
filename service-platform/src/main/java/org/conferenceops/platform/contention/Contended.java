package org.conferenceops.platform.contention;

import java.time.Duration;
import java.util.function.Supplier;
import org.conferenceops.platform.problem.ServiceUnavailableException;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Runs a read-check-write command again when its conditional write lost the version race to another request on the
 * same document (e.g. many registrations taking seats of one delegation at once, as after a storage outage).
 *
 * <p>Such a race is no conflict of the client's: the command reloads, re-checks its rules and writes again, after a
 * small jittered back-off so that the contenders spread out. Still contended after {@link #ATTEMPTS} attempts, the
 * service is overloaded (the waits, drawn from 25–50, 25–100, 25–200, then 25–400 ms, spread a burst of dozens of
 * contenders on one document over about a second, two at most): {@link ServiceUnavailableException} (503 with {@code Retry-After}), never 409. Any other
 * failure (a rule, a duplicate, storage unavailable) passes through at once. The command must be safe to run again:
 * everything it read has to be read again inside it.
 */
public final class Contended {

    /** Attempts in all, the first included. */
    public static final int ATTEMPTS = 8;

    /** What an overloaded answer tells the client to wait. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private static final RetryTemplate RETRY = new RetryTemplate(RetryPolicy.builder()
            .includes(OptimisticLockingFailureException.class)
            .maxRetries(ATTEMPTS - 1)
            .delay(Duration.ofMillis(25))
            .jitter(Duration.ofMillis(25))
            .multiplier(2)
            .maxDelay(Duration.ofMillis(400))
            .build());

    private Contended() {
    }

    /**
     * Runs {@code command}, again on an {@link OptimisticLockingFailureException}.
     *
     * @param what names the contended document in the 503 detail, e.g. {@code "delegation KOR-2026"}
     */
    public static <T> T retry(String what, Supplier<T> command) {
        try {
            return RETRY.execute(command::get);
        }
        catch (RetryException e) {
            Throwable last = e.getCause();
            if (last instanceof OptimisticLockingFailureException) {
                ServiceUnavailableException busy = new ServiceUnavailableException(what + " is being changed by too "
                        + "many requests at once; nothing was stored, retry", RETRY_AFTER);
                busy.initCause(e);
                throw busy;
            }
            if (last instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (last instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(last);
        }
    }
}
