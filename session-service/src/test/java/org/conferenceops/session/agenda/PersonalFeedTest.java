package org.conferenceops.session.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PersonalFeedTest {

    private static final Instant END = Instant.parse("2031-12-07T03:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void aReleasedBookingStaysInTheFeedUntilTheRetentionAfterItsSessionEnded() {
        assertThat(PersonalFeed.shows(false, END, END.minusSeconds(3600), DAY)).isTrue();
        assertThat(PersonalFeed.shows(false, END, END.plus(DAY).minusSeconds(1), DAY)).isTrue();
        assertThat(PersonalFeed.shows(false, END, END.plus(DAY), DAY)).isFalse();
        assertThat(PersonalFeed.shows(false, END, END, Duration.ZERO)).isFalse();
    }

    @Test
    void aHeldBookingIsAlwaysInTheFeed() {
        assertThat(PersonalFeed.shows(true, END, END.plus(DAY.multipliedBy(400)), DAY)).isTrue();
    }

    @Test
    void aSubscriptionTokenIsStoredAsItsSha256() {
        assertThat(CalendarSubscriptions.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
