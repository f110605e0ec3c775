package org.conferenceops.registration.delegates;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a focal point sends to register one delegate.
 *
 * @param givenName         given name in Latin script
 * @param familyName        family name in Latin script
 * @param email             where the delegate is told about their registration
 * @param preferredLanguage one of the six UN languages as ISO 639-1 code: ar, zh, en, fr, ru, es
 */
public record RegisterDelegateRequest(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Pattern(regexp = "ar|zh|en|fr|ru|es", message = "must be one of the UN languages: ar, zh, en, fr, ru, es")
        String preferredLanguage) {
}
