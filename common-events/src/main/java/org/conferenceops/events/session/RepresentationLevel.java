package org.conferenceops.events.session;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The level at which a delegation is represented by a speaker; the speakers list is ordered by it (highest first),
 * then by time of request.
 * {@link #UNKNOWN} is what a consumer reads for a value it does not know; it is never published.
 *
 * @since 1
 */
public enum RepresentationLevel {
    HEAD_OF_STATE_OR_GOVERNMENT,
    MINISTER,
    DEPUTY_MINISTER,
    OTHER,
    @JsonEnumDefaultValue UNKNOWN
}
