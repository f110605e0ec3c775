package org.conferenceops.session.seats;

/** A booking holds a seat (CONFIRMED), waits for one (WAITLISTED), or was given up (RELEASED, may book again). */
public enum BookingStatus {
    CONFIRMED,
    WAITLISTED,
    RELEASED
}
