package org.conferenceops.console.backend;

/** The four services the console calls. */
public enum Service {
    REGISTRATION,
    SESSION,
    PLEDGE,
    NOTIFICATION
}
