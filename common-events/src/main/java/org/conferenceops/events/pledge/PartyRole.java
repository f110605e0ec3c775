package org.conferenceops.events.pledge;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The part a member state plays in a pledge: the contributor deploys the capability, a partner provides part of it
 * (e.g. helicopters or crews), a funder pays for it. {@link #UNKNOWN} is read for a role added later; never
 * published.
 */
public enum PartyRole {
    CONTRIBUTOR, PARTNER, FUNDER, @JsonEnumDefaultValue UNKNOWN
}
