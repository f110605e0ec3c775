package org.conferenceops.platform.web;

import java.io.IOException;
import org.springframework.util.unit.DataSize;

/**
 * Thrown while a request body is being read once it grows past its limit; answered with 413. It is an
 * {@link IOException} because it surfaces from {@code InputStream.read}.
 */
public class RequestTooLargeException extends IOException {

    private final DataSize limit;

    public RequestTooLargeException(DataSize limit) {
        super("Request body exceeds the limit of " + limit.toBytes() + " bytes");
        this.limit = limit;
    }

    /** The limit that was exceeded. */
    public DataSize limit() {
        return limit;
    }
}
