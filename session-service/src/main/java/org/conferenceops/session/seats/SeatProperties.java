package org.conferenceops.session.seats;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the seat-counter reconciler ({@code conference-ops.seats.*}, ADR 012).
 *
 * @param reconcileInterval      how often every counter of a session that has not ended is recounted
 * @param reconcileGrace    how long a difference between a counter and its bookings must persist, with the counter
 *                          unchanged, before it is repaired: longer than any booking write takes, so that a booking
 *                          in flight (seat claimed, booking not stored yet) is never mistaken for a lost seat
 * @param metricsRefreshInterval how often the organisers' seat gauges are recomputed from sessions and counters
 * @param unsettledGrace    how long a claim whose booking write failed (storage away) is kept for the client's
 *                          retry of the same booking before its seat or waitlist place is given back
 */
@ConfigurationProperties("conference-ops.seats")
record SeatProperties(@DefaultValue("5m") Duration reconcileInterval, @DefaultValue("1m") Duration reconcileGrace,
        @DefaultValue("15s") Duration metricsRefreshInterval, @DefaultValue("30s") Duration unsettledGrace) {
}
