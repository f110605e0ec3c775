package org.conferenceops.events.registration;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * What a delegation represents at a conference. {@link #UNKNOWN} is what a consumer reads for a kind it does not
 * know; it is never published.
 */
public enum DelegationKind {
    /** A UN member state (ISO 3166-1 alpha-3 code). */
    MEMBER_STATE,
    /** A non-member observer state, e.g. the Holy See. */
    OBSERVER_STATE,
    /** An international organisation or body, e.g. EU, AU, NATO, OIF, the UN Secretariat. */
    ORGANISATION,
    @JsonEnumDefaultValue UNKNOWN
}
