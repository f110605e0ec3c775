package org.conferenceops.platform.correlation;

import org.conferenceops.platform.ids.RandomIds;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The correlation and causation ids of the work the current thread is doing. They live in the logging MDC, so
 * every log line carries them, and the outbox copies them into every event raised, so they flow onwards across
 * services. An HTTP request starts a flow (its {@code X-Correlation-Id}, or a new id); an event consumer continues
 * the flow of the event it handles, with that event's id as the causation.
 */
public final class Correlation {

    /** The HTTP header carrying the correlation id, in and out. */
    public static final String HEADER = "X-Correlation-Id";
    /** MDC key of the correlation id. */
    public static final String CORRELATION_ID = "correlationId";
    /** MDC key of the causation id. */
    public static final String CAUSATION_ID = "causationId";

    private Correlation() {
    }

    /** The current correlation id, if the thread is inside a flow. */
    public static @Nullable String correlationId() {
        return MDC.get(CORRELATION_ID);
    }

    /** The current causation id (the request or event being handled), if any. */
    public static @Nullable String causationId() {
        return MDC.get(CAUSATION_ID);
    }

    /** A new correlation id. */
    public static String newId() {
        return RandomIds.next();
    }

    /**
     * Enters a flow until the returned scope is closed; the previous values are restored on close, so scopes nest.
     *
     * @param correlationId the flow's id; a new one is generated when null or blank
     * @param causationId   what caused the work; defaults to the correlation id
     */
    public static Scope open(@Nullable String correlationId, @Nullable String causationId) {
        String previousCorrelation = MDC.get(CORRELATION_ID);
        String previousCausation = MDC.get(CAUSATION_ID);
        String correlation = correlationId == null || correlationId.isBlank() ? newId() : correlationId;
        MDC.put(CORRELATION_ID, correlation);
        MDC.put(CAUSATION_ID, causationId == null || causationId.isBlank() ? correlation : causationId);
        return new Scope(correlation, previousCorrelation, previousCausation);
    }

    /** An entered flow; closing it restores what was there before. */
    public static final class Scope implements AutoCloseable {

        private final String correlationId;
        private final @Nullable String previousCorrelation;
        private final @Nullable String previousCausation;

        private Scope(String correlationId, @Nullable String previousCorrelation, @Nullable String previousCausation) {
            this.correlationId = correlationId;
            this.previousCorrelation = previousCorrelation;
            this.previousCausation = previousCausation;
        }

        public String correlationId() {
            return correlationId;
        }

        @Override
        public void close() {
            restore(CORRELATION_ID, previousCorrelation);
            restore(CAUSATION_ID, previousCausation);
        }

        private static void restore(String key, @Nullable String value) {
            if (value == null) {
                MDC.remove(key);
            }
            else {
                MDC.put(key, value);
            }
        }
    }
}
