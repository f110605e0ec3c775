package org.conferenceops.notification.recipients;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A daily window, in the recipient's own zone, in which non-urgent messages wait. {@code from} after {@code to}
 * spans midnight (22:00–07:00).
 *
 * @param from start of the quiet window, local time
 * @param to   end of the quiet window, local time
 */
public record QuietHours(LocalTime from, LocalTime to) {

    /** When the quiet window containing {@code now} ends, or empty if {@code now} is not quiet. */
    public Optional<Instant> endIfQuiet(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean quiet = from.isBefore(to)
                ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
        if (!quiet || from.equals(to)) {
            return Optional.empty();
        }
        ZonedDateTime end = local.with(to);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return Optional.of(end.toInstant());
    }
}
