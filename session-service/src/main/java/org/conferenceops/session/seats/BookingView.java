package org.conferenceops.session.seats;

import java.time.Instant;
import java.util.List;
import org.conferenceops.events.session.Attendance;
import org.jspecify.annotations.Nullable;

/**
 * A booking as clients see it. {@code waitlistPosition} is live (1 = next to get a seat, 0 when not waiting);
 * {@code overlapsWith} lists the delegate's other active bookings at overlapping times.
 */
public record BookingView(String bookingId, String sessionId, String delegateId, String delegationId,
        Attendance attendance, BookingStatus status, int waitlistPosition, long arrival,
        @Nullable Instant confirmedAt, List<String> overlapsWith) {

    static BookingView of(Booking b, int position, List<String> overlapsWith) {
        return new BookingView(b.id(), b.sessionId(), b.delegateId(), b.delegationId(), b.attendance(), b.status(),
                position, b.arrival(), b.confirmedAt(), overlapsWith);
    }
}
