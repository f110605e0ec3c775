package org.conferenceops.session.seats;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Seat-counter claims whose booking could not be stored (the claim landed, then MongoDB went away before the
 * booking's write: the request answered 503 and stored no booking). Kept in memory by booking id, so that the
 * client's retry of the same booking uses the seat (or waitlist place) it already holds instead of taking a second
 * one — without this, every booking caught by an outage kept a seat nobody held until the reconciler's grace
 * passed. A claim nobody comes back for is given back by {@link SeatBookings#settleUnsettledClaims()}. Each claim
 * is taken by exactly one of them ({@link ConcurrentHashMap#remove}). A process that dies with claims here leaves
 * them to the reconciler, as before (ADR 012).
 */
@Component
class UnsettledClaims {

    /**
     * What a booking request took from its counter.
     *
     * @param seat true for a seat, false for a place on the waitlist
     * @param arrival the arrival number the counter gave
     * @param waiting the waitlist length the counter gave (waitlist places only)
     * @param at when the booking's write failed
     */
    record Claim(String counterKey, boolean seat, long arrival, int waiting, Instant at) {
    }

    private final Map<String, Claim> claims = new ConcurrentHashMap<>();

    void hold(String bookingId, Claim claim) {
        claims.put(bookingId, claim);
    }

    /** The claim held for this booking on this counter, now owned by the caller; empty if none. */
    Optional<Claim> take(String bookingId, String counterKey) {
        Claim claim = claims.get(bookingId);
        if (claim == null || !claim.counterKey().equals(counterKey)) {
            return Optional.empty();
        }
        return claims.remove(bookingId, claim) ? Optional.of(claim) : Optional.empty();
    }

    /** Booking ids whose claim failed longer than {@code grace} ago (a retry had its chance). */
    List<String> olderThan(Duration grace, Instant now) {
        return claims.entrySet().stream().filter(e -> e.getValue().at().plus(grace).isBefore(now))
                .map(Map.Entry::getKey).toList();
    }

    /** The claim of a booking, now owned by the caller, whatever its counter. */
    Optional<Claim> take(String bookingId) {
        return Optional.ofNullable(claims.remove(bookingId));
    }
}
