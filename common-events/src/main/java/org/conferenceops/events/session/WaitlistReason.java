package org.conferenceops.events.session;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Why a booking is on the waitlist: the session was full when it was requested, or the capacity was reduced and this
 * confirmed seat was among the latest confirmed.
 * {@link #UNKNOWN} is what a consumer reads for a value it does not know; it is never published.
 */
public enum WaitlistReason {
    SESSION_FULL,
    CAPACITY_REDUCED,
    @JsonEnumDefaultValue UNKNOWN
}
