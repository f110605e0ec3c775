package org.conferenceops.notification.sessions;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How session messages are timed.
 *
 * @param coalesceWindow  changes to one session within this window after the first reach a delegate as one message
 *                        (cancellations never wait)
 * @param urgentWithin    a message about a session starting within this time is urgent (bypasses quiet hours);
 *                        cancellations are always urgent
 * @param sweepInterval   how often due change batches are looked for
 * @param reminders       how long before a session its booked delegates are reminded, e.g. 24h and 15m; each once
 * @param reminderInterval how often reminders are looked for
 */
@ConfigurationProperties("conference-ops.notifications.sessions")
record SessionSettings(@DefaultValue("2m") Duration coalesceWindow, @DefaultValue("2h") Duration urgentWithin,
        @DefaultValue("1s") Duration sweepInterval, @DefaultValue({"24h", "15m"}) List<Duration> reminders,
        @DefaultValue("30s") Duration reminderInterval) {

    SessionSettings {
        reminders = reminders.stream().sorted(Comparator.reverseOrder()).distinct().toList();
    }
}
