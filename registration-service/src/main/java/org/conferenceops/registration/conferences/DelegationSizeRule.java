package org.conferenceops.registration.conferences;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How many people a delegation may register, per role (GA rule 25 by default: 5 representatives, of whom one is the
 * head of delegation, 5 alternates, and a configurable number of advisers).
 *
 * @param representatives the head of delegation and the other representatives
 * @param alternates      alternate representatives
 * @param advisers        advisers, experts and persons of similar status
 */
public record DelegationSizeRule(@Min(1) @Max(500) int representatives, @Min(0) @Max(500) int alternates,
        @Min(0) @Max(5000) int advisers) {

    /** The total number of seats a delegation has. */
    public int total() {
        return representatives + alternates + advisers;
    }
}
