package org.conferenceops.platform.outbox;

/** The broker did not acknowledge an outbox entry in time; the entry stays stored and is retried. */
public class OutboxPublishException extends RuntimeException {

    public OutboxPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
