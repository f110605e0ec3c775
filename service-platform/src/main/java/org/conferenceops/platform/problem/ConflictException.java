package org.conferenceops.platform.problem;

import org.springframework.http.HttpStatus;

/** 409: the request clashes with the current state of the resource, e.g. a badge already issued. */
public class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        super(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", detail);
    }
}
