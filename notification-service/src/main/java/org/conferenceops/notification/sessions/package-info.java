/**
 * Sessions as notifications see them: who is booked or waitlisted (rosters), session changes coalesced per session
 * and fanned out to those they affect, seat news, reminders before a session, and the iCalendar invitation that
 * goes with each.
 */
@NullMarked
package org.conferenceops.notification.sessions;

import org.jspecify.annotations.NullMarked;
