package org.conferenceops.registration.delegates;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a focal point sends to register one delegate: the body of a single registration, one element of a JSON bulk
 * upload, or one CSV row (columns named like these fields). Enumerations are strings so that one bad row of a bulk
 * upload is reported on its own line instead of failing the whole upload.
 *
 * @param givenName              given name in Latin script
 * @param familyName             family name in Latin script
 * @param email                  where the delegate is told about their registration; unique within a conference
 * @param preferredLanguage      one of the six UN languages as ISO 639-1 code: ar, zh, en, fr, ru, es
 * @param title                  e.g. H.E., Dr
 * @param nativeGivenName        given name in the person's own script
 * @param nativeFamilyName       family name in the person's own script
 * @param phone                  a phone number, E.164 preferred
 * @param timeZone               the person's own IANA time zone
 * @param accessibilityNeeds     free text
 * @param role                   HEAD, REPRESENTATIVE, ALTERNATE or ADVISER (default)
 * @param category               the accreditation category; by default the one of the delegation's kind
 * @param vipRank                NONE (default), MINISTER or HEAD_OF_STATE_OR_GOVERNMENT
 * @param identityDocumentNumber passport or ID number; stored encrypted, shown only in the person's data export
 */
public record RegisterDelegateRequest(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Pattern(regexp = "ar|zh|en|fr|ru|es", message = "must be one of the UN languages: ar, zh, en, fr, ru, es")
        String preferredLanguage,
        @Nullable @Size(max = 40) String title,
        @Nullable @Size(max = 100) String nativeGivenName,
        @Nullable @Size(max = 100) String nativeFamilyName,
        @Nullable @Pattern(regexp = "\\+?[0-9 ()-]{5,25}", message = "must be a phone number, e.g. +82 2 1234 5678") String phone,
        @Nullable @Size(max = 60) String timeZone,
        @Nullable @Size(max = 500) String accessibilityNeeds,
        @Nullable @Pattern(regexp = "HEAD|REPRESENTATIVE|ALTERNATE|ADVISER", message = "must be HEAD, REPRESENTATIVE, ALTERNATE or ADVISER") String role,
        @Nullable @Pattern(regexp = "MEMBER_STATE_DELEGATE|OBSERVER_STATE|INTERNATIONAL_ORGANISATION|UN_OFFICIAL|MEDIA|SECURITY_SUPPORT",
                message = "must be MEMBER_STATE_DELEGATE, OBSERVER_STATE, INTERNATIONAL_ORGANISATION, UN_OFFICIAL, MEDIA or SECURITY_SUPPORT") String category,
        @Nullable @Pattern(regexp = "NONE|MINISTER|HEAD_OF_STATE_OR_GOVERNMENT", message = "must be NONE, MINISTER or HEAD_OF_STATE_OR_GOVERNMENT") String vipRank,
        @Nullable @Size(min = 3, max = 40) String identityDocumentNumber) {

    /** The four fields the first release accepted; everything else takes its default. */
    public RegisterDelegateRequest(String givenName, String familyName, String email, String preferredLanguage) {
        this(givenName, familyName, email, preferredLanguage, null, null, null, null, null, null, null, null, null,
                null);
    }

    @Override
    public String toString() {
        return "RegisterDelegateRequest[redacted]";
    }
}
