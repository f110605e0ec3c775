package org.conferenceops.events.pledge;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * What a capability requirement counts: whole units, personnel, or equipment items such as helicopters.
 * {@link #UNKNOWN} is read for a measure added later; never published.
 */
public enum CapabilityMeasure {
    UNITS, PERSONNEL, EQUIPMENT_ITEMS, @JsonEnumDefaultValue UNKNOWN
}
