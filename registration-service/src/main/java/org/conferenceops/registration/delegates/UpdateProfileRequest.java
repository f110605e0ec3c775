package org.conferenceops.registration.delegates;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Changes a delegate (or their focal point, or an organiser) makes to contact details and preferences; absent
 * fields stay as they are. Names are not changed here: another person is a substitution.
 */
public record UpdateProfileRequest(
        @Nullable @Email @Size(max = 254) String email,
        @Nullable @Pattern(regexp = "\\+?[0-9 ()-]{5,25}", message = "must be a phone number, e.g. +82 2 1234 5678") String phone,
        @Nullable @Pattern(regexp = "ar|zh|en|fr|ru|es", message = "must be one of the UN languages: ar, zh, en, fr, ru, es") String preferredLanguage,
        @Nullable @Size(max = 60) String timeZone,
        @Nullable @Size(max = 500) String accessibilityNeeds,
        @Nullable @Size(max = 40) String title,
        @Nullable @Size(max = 100) String nativeGivenName,
        @Nullable @Size(max = 100) String nativeFamilyName,
        @Nullable @Size(min = 3, max = 40) String identityDocumentNumber) {

    @Override
    public String toString() {
        return "UpdateProfileRequest[redacted]";
    }
}
