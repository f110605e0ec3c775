package org.conferenceops.events.session;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * How a session is held. IN_PERSON in a room, VIRTUAL online only (virtual link), HYBRID both.
 * {@link #UNKNOWN} is what a consumer reads for a value it does not know; it is never published.
 */
public enum SessionMode {
    IN_PERSON,
    VIRTUAL,
    HYBRID,
    @JsonEnumDefaultValue UNKNOWN
}
