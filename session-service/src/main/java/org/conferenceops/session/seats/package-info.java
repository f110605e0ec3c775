/**
 * Seats and waitlists: bookings by accredited delegates, exact capacity under concurrency, promotion from the
 * waitlist when a seat is released.
 */
@NullMarked
package org.conferenceops.session.seats;

import org.jspecify.annotations.NullMarked;
