package org.conferenceops.console.backend;

/**
 * A service refused a call or could not be reached. The message is the problem's {@code detail} (or title), safe
 * to show to the user who made the request.
 */
public class BackendException extends RuntimeException {

    private final int status;

    public BackendException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the service answered, or 503 when it could not be reached. */
    public int status() {
        return status;
    }
}
