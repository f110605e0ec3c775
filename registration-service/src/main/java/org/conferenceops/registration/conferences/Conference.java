package org.conferenceops.registration.conferences;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.conferenceops.events.registration.AccreditationCategory;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.platform.outbox.AggregateDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One edition of the ministerial conference. Reference data for every other feature: created by organisers (or
 * the demo seed) and read by delegations, registration, badges and check-in.
 */
@Document("conferences")
public class Conference extends AggregateDocument {

    @Id
    private final String id;
    private final String name;
    private final String city;
    private final String hostCountry;
    private final LocalDate startDate;
    private final LocalDate endDate;
    private final String timeZone;
    private final AttendanceMode mode;
    private final @Nullable String venue;
    private final List<UnLanguage> workingLanguages;
    private final DelegationSizeRule sizeRule;
    private final List<AccreditationCategory> accreditationCategories;
    private final @Nullable Instant registrationOpensAt;
    private final @Nullable Instant registrationClosesAt;
    private final List<String> entrances;
    private final Instant createdAt;

    @PersistenceCreator
    Conference(String id, String name, String city, String hostCountry, LocalDate startDate, LocalDate endDate,
            String timeZone, AttendanceMode mode, @Nullable String venue, List<UnLanguage> workingLanguages,
            DelegationSizeRule sizeRule, List<AccreditationCategory> accreditationCategories,
            @Nullable Instant registrationOpensAt, @Nullable Instant registrationClosesAt, List<String> entrances,
            Instant createdAt) {
        this.id = id;
        this.name = name;
        this.city = city;
        this.hostCountry = hostCountry;
        this.startDate = startDate;
        this.endDate = endDate;
        this.timeZone = timeZone;
        this.mode = mode;
        this.venue = venue;
        this.workingLanguages = List.copyOf(workingLanguages);
        this.sizeRule = sizeRule;
        this.accreditationCategories = List.copyOf(accreditationCategories);
        this.registrationOpensAt = registrationOpensAt;
        this.registrationClosesAt = registrationClosesAt;
        this.entrances = List.copyOf(entrances);
        this.createdAt = createdAt;
    }

    /** A new edition; dates, zone and window are checked for consistency. */
    static Conference create(String id, String name, String city, String hostCountry, LocalDate startDate,
            LocalDate endDate, String timeZone, AttendanceMode mode, @Nullable String venue,
            List<UnLanguage> workingLanguages, DelegationSizeRule sizeRule, List<AccreditationCategory> categories,
            @Nullable Instant registrationOpensAt, @Nullable Instant registrationClosesAt, List<String> entrances,
            Instant now) {
        ZoneId.of(timeZone);
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("endDate before startDate");
        }
        return new Conference(id, name, city, hostCountry, startDate, endDate, timeZone, mode, venue,
                workingLanguages, sizeRule, categories, registrationOpensAt, registrationClosesAt,
                entrances.isEmpty() ? List.of("main") : entrances, now);
    }

    /** Whether focal points and delegates may register or change registrations at this instant. */
    public boolean registrationOpenAt(Instant instant) {
        return (registrationOpensAt == null || !instant.isBefore(registrationOpensAt))
                && (registrationClosesAt == null || instant.isBefore(registrationClosesAt));
    }

    /** Whether the day is one of the conference's days. */
    public boolean isConferenceDay(LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String city() {
        return city;
    }

    public String hostCountry() {
        return hostCountry;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public LocalDate endDate() {
        return endDate;
    }

    public String timeZone() {
        return timeZone;
    }

    public AttendanceMode mode() {
        return mode;
    }

    public @Nullable String venue() {
        return venue;
    }

    public List<UnLanguage> workingLanguages() {
        return workingLanguages;
    }

    public DelegationSizeRule sizeRule() {
        return sizeRule;
    }

    public List<AccreditationCategory> accreditationCategories() {
        return accreditationCategories;
    }

    public @Nullable Instant registrationOpensAt() {
        return registrationOpensAt;
    }

    public @Nullable Instant registrationClosesAt() {
        return registrationClosesAt;
    }

    public List<String> entrances() {
        return entrances;
    }
}
