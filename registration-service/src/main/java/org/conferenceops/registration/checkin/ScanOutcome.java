package org.conferenceops.registration.checkin;

import java.time.Instant;
import org.conferenceops.events.registration.AccreditationCategory;
import org.jspecify.annotations.Nullable;

/**
 * What the door is told about a scan.
 *
 * @param outcome      ADMITTED for the first entry of the day, ALREADY_INSIDE for a repeat, REFUSED otherwise
 * @param reason       why a badge was refused (batch answers only; single scans are refused with a problem)
 * @param delegateId   the holder, for admitted and repeated scans
 * @param name         the holder's name, so the door can compare it with the person
 * @param category     the holder's category
 * @param entrance     where the first entry of the day was recorded
 * @param firstScanAt  when the first entry of the day was scanned
 * @param firstDevice  which device recorded the first entry (tells duplicates across devices apart)
 */
public record ScanOutcome(Outcome outcome, @Nullable String reason, @Nullable String delegateId,
        @Nullable String name, @Nullable AccreditationCategory category, @Nullable String entrance,
        @Nullable Instant firstScanAt, @Nullable String firstDevice) {

    /** The door's decision. */
    public enum Outcome {
        ADMITTED, ALREADY_INSIDE, REFUSED
    }
}
