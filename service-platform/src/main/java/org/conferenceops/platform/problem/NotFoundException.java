package org.conferenceops.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * 404: the resource does not exist <em>or</em> the caller may not know that it exists. Services throw it for both,
 * so an answer never reveals another delegation's records (rule 8): the detail reads e.g. "delegate X not found".
 */
public class NotFoundException extends ProblemException {

    /**
     * @param resource what was looked for, in words, e.g. {@code delegate}
     * @param id       the id the client asked for
     */
    public NotFoundException(String resource, String id) {
        super(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", resource + " " + id + " not found");
    }
}
