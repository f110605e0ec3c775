package org.conferenceops.infra.issuer;

/**
 * A token request the dev issuer refuses: no role, an unknown role, a focal point without a delegation, a delegate
 * without a delegate id, or a non-positive lifetime. The message says which, for the person at the terminal.
 */
public class InvalidTokenRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message naming what is wrong with the request. */
    public InvalidTokenRequestException(String message) {
        super(message);
    }
}
