package org.conferenceops.registration.conferences;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.conferenceops.events.registration.AccreditationCategory;
import org.jspecify.annotations.Nullable;

/**
 * What an organiser sends to create an edition.
 *
 * @param id                      lower-case id, e.g. {@code berlin-2025}
 * @param workingLanguages        ISO 639-1 codes of UN languages
 * @param sizeRule                the delegation size rule; the configured default when absent
 * @param accreditationCategories all categories when absent
 * @param entrances               the venue's entrances for check-in; {@code main} when absent
 */
public record ConferenceRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,40}", message = "must be lower-case letters, digits and hyphens") String id,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 code") String hostCountry,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @NotBlank String timeZone,
        @NotNull AttendanceMode mode,
        @Nullable @Size(max = 200) String venue,
        @NotEmpty List<@Pattern(regexp = "ar|zh|en|fr|ru|es", message = "must be one of the UN languages: ar, zh, en, fr, ru, es") String> workingLanguages,
        @Nullable @Valid DelegationSizeRule sizeRule,
        @Nullable List<AccreditationCategory> accreditationCategories,
        @Nullable Instant registrationOpensAt,
        @Nullable Instant registrationClosesAt,
        @Nullable List<@Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be lower-case letters, digits and hyphens") String> entrances) {
}
