package org.conferenceops.registration.conferences;

/** How people attend a conference. */
public enum AttendanceMode {
    IN_PERSON, HYBRID, VIRTUAL
}
