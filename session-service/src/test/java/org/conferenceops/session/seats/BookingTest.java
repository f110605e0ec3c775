package org.conferenceops.session.seats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.conferenceops.events.session.Attendance;
import org.conferenceops.events.session.ReleaseReason;
import org.conferenceops.events.session.SeatReleased;
import org.conferenceops.events.session.SeatWaitlisted;
import org.conferenceops.events.session.WaitlistPromoted;
import org.conferenceops.events.session.WaitlistReason;
import org.conferenceops.platform.problem.IllegalStateTransitionException;
import org.junit.jupiter.api.Test;

class BookingTest {

    private static final Instant NOW = Instant.parse("2021-12-02T10:15:00Z");

    private Booking requested() {
        return Booking.request("seoul-2021", "s1", "dlg-1", "seoul-2021-GHA", Attendance.IN_PERSON, NOW);
    }

    @Test
    void aWaitlistedBookingIsPromotedAndAReleasedSeatSaysItHeldOne() {
        Booking booking = requested();
        assertThat(booking.waitlist(Attendance.IN_PERSON, 501, 1, NOW)).singleElement().isEqualTo(
                new SeatWaitlisted("s1~dlg-1", "s1", "seoul-2021", "dlg-1", "seoul-2021-GHA", Attendance.IN_PERSON, 1,
                        WaitlistReason.SESSION_FULL, NOW));

        assertThat(booking.promote(NOW)).singleElement().isInstanceOf(WaitlistPromoted.class);
        assertThat(booking.release(ReleaseReason.CANCELLED_BY_DELEGATE, NOW)).singleElement()
                .isInstanceOfSatisfying(SeatReleased.class, e -> assertThat(e.heldSeat()).isTrue());
        assertThat(booking.status()).isEqualTo(BookingStatus.RELEASED);
    }

    @Test
    void releasingTwiceRaisesNothingTheSecondTime() {
        Booking booking = requested();
        booking.confirm(Attendance.IN_PERSON, 1, NOW);
        booking.release(ReleaseReason.REGISTRATION_WITHDRAWN, NOW);

        assertThat(booking.release(ReleaseReason.REGISTRATION_WITHDRAWN, NOW)).isEmpty();
    }

    @Test
    void aConfirmedBookingCannotBePromotedNorConfirmedAgain() {
        Booking booking = requested();
        booking.confirm(Attendance.IN_PERSON, 1, NOW);

        assertThatThrownBy(() -> booking.promote(NOW)).isInstanceOf(IllegalStateTransitionException.class)
                .hasMessageContaining("CONFIRMED");
        assertThatThrownBy(() -> booking.confirm(Attendance.IN_PERSON, 2, NOW))
                .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining("CONFIRMED");
    }

    @Test
    void aCapacityReductionWaitlistsAConfirmedBookingKeepingItsArrival() {
        Booking booking = requested();
        booking.confirm(Attendance.IN_PERSON, 7, NOW);

        assertThat(booking.demote(1, NOW)).singleElement().isInstanceOfSatisfying(SeatWaitlisted.class,
                e -> assertThat(e.reason()).isEqualTo(WaitlistReason.CAPACITY_REDUCED));
        assertThat(booking.arrival()).isEqualTo(7);
    }

    @Test
    void everyChangeOfAPlaceAfterItWasFirstTakenCountsForTheCalendarSequence() {
        Booking booking = requested();
        booking.waitlist(Attendance.IN_PERSON, 3, 1, NOW);
        assertThat(booking.changes()).isZero();

        booking.promote(NOW);
        booking.demote(1, NOW);
        booking.release(ReleaseReason.CANCELLED_BY_DELEGATE, NOW.plusSeconds(60));

        assertThat(booking.changes()).isEqualTo(3);
        assertThat(booking.releasedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(booking.release(ReleaseReason.CANCELLED_BY_DELEGATE, NOW)).isEmpty();
        assertThat(booking.changes()).isEqualTo(3);
    }
}
