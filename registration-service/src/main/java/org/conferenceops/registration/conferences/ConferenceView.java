package org.conferenceops.registration.conferences;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.conferenceops.events.registration.AccreditationCategory;
import org.conferenceops.events.shared.UnLanguage;
import org.jspecify.annotations.Nullable;

/** A conference as shown to any authenticated caller. */
public record ConferenceView(String id, String name, String city, String hostCountry, LocalDate startDate,
        LocalDate endDate, String timeZone, AttendanceMode mode, @Nullable String venue, List<String> workingLanguages,
        DelegationSizeRule sizeRule, List<AccreditationCategory> accreditationCategories,
        @Nullable Instant registrationOpensAt, @Nullable Instant registrationClosesAt, List<String> entrances) {

    static ConferenceView of(Conference c) {
        return new ConferenceView(c.id(), c.name(), c.city(), c.hostCountry(), c.startDate(), c.endDate(),
                c.timeZone(), c.mode(), c.venue(), c.workingLanguages().stream().map(UnLanguage::code).toList(),
                c.sizeRule(), c.accreditationCategories(), c.registrationOpensAt(), c.registrationClosesAt(),
                c.entrances());
    }
}
