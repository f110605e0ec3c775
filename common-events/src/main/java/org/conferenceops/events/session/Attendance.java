package org.conferenceops.events.session;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * How a delegate attends a session they booked: in the room, or online.
 * {@link #UNKNOWN} is what a consumer reads for a value it does not know; it is never published.
 */
public enum Attendance {
    IN_PERSON,
    VIRTUAL,
    @JsonEnumDefaultValue UNKNOWN
}
