package org.conferenceops.events;

/**
 * A message that is not a valid Conference Ops event: not JSON, not a CloudEvents 1.0 envelope, a required
 * attribute missing, or data that does not satisfy its contract. Such a message is poison: retrying cannot help,
 * it goes to the dead-letter topic with this message as the reason.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String reason) {
        super(reason);
    }

    public InvalidEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
