package org.conferenceops.notification.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private final QuietHours overnight = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

    @Test
    void aMessageAtNightInTheRecipientsOwnZoneWaitsUntilTheMorningThere() {
        // 21:30 UTC is 23:30 in Berlin (summer time)
        assertThat(overnight.endIfQuiet(Instant.parse("2025-05-13T21:30:00Z"), ZoneId.of("Europe/Berlin")))
                .contains(Instant.parse("2025-05-14T05:00:00Z"));
    }

    @Test
    void theSameInstantIsNotQuietForARecipientWhereItIsDaytime() {
        // 21:30 UTC is 06:30 the next day in Seoul; 03:00 UTC is noon there
        assertThat(overnight.endIfQuiet(Instant.parse("2025-05-13T21:30:00Z"), ZoneId.of("Asia/Seoul")))
                .contains(Instant.parse("2025-05-13T22:00:00Z"));
        assertThat(overnight.endIfQuiet(Instant.parse("2025-05-13T03:00:00Z"), ZoneId.of("Asia/Seoul"))).isEmpty();
    }
}
