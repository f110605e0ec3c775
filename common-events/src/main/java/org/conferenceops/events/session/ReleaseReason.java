package org.conferenceops.events.session;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Why a booking was released.
 * {@link #UNKNOWN} is what a consumer reads for a value it does not know; it is never published.
 */
public enum ReleaseReason {
    CANCELLED_BY_DELEGATE,
    REGISTRATION_WITHDRAWN,
    DELEGATE_ERASED,
    @JsonEnumDefaultValue UNKNOWN
}
