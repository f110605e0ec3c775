package org.conferenceops.registration.delegates;

import org.conferenceops.events.shared.UnLanguage;
import org.jspecify.annotations.Nullable;

/**
 * Who a delegate is and how to reach them. Personal data: never logged ({@link #toString()} is redacted), erased on
 * request.
 *
 * @param title              e.g. H.E., Dr, Gen.
 * @param givenName          in Latin script
 * @param familyName         in Latin script
 * @param nativeGivenName    in the person's own script, e.g. 민준
 * @param nativeFamilyName   in the person's own script, e.g. 김
 * @param phone              E.164 preferred
 * @param preferredLanguage  a UN language
 * @param timeZone           the person's own IANA zone
 * @param accessibilityNeeds free text, e.g. wheelchair access
 */
public record Profile(@Nullable String title, String givenName, String familyName, @Nullable String nativeGivenName,
        @Nullable String nativeFamilyName, @Nullable String phone, UnLanguage preferredLanguage,
        @Nullable String timeZone, @Nullable String accessibilityNeeds) {

    @Override
    public String toString() {
        return "Profile[redacted]";
    }
}
