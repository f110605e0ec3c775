package org.conferenceops.session.programme;

import org.conferenceops.events.session.Attendance;

/**
 * What the programme tells the seat keeper after a session's capacity changed (a capacity change or a move to
 * another room), so that seats beyond it are waitlisted or new ones go to the waitlist.
 */
public interface SeatCapacity {

    void capacityChanged(String sessionId, Attendance attendance, int capacity);
}
