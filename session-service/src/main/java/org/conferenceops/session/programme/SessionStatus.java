package org.conferenceops.session.programme;

/** Where a session is in its life: in the programme, or cancelled (final). */
public enum SessionStatus {
    SCHEDULED,
    CANCELLED
}
