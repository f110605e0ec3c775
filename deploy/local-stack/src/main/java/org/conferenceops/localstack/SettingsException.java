package org.conferenceops.localstack;

/**
 * A setting the local stack cannot work with: a bad argument or environment value, or a port already in use. The
 * message is one line for the terminal and names the variable to change; the launcher exits with status 2.
 */
public class SettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception whose message tells the user what to change. */
    public SettingsException(String message) {
        super(message);
    }
}
