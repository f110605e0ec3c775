package org.conferenceops.events.registration;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The accreditation category of a delegate; it decides the badge colour and which areas the badge opens.
 * {@link #UNKNOWN} is what a consumer reads for a category it does not know; it is never published.
 */
public enum AccreditationCategory {
    MEMBER_STATE_DELEGATE,
    OBSERVER_STATE,
    INTERNATIONAL_ORGANISATION,
    UN_OFFICIAL,
    MEDIA,
    SECURITY_SUPPORT,
    @JsonEnumDefaultValue UNKNOWN
}
