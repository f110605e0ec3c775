package org.conferenceops.events.pledge;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Where a pledge is in its life: intake (draft, submitted, acknowledged, announced), the decision (accepted or
 * declined), the readiness levels of the UN Peacekeeping Capability Readiness System (PCRS Level 1, 2, 3 and the
 * Rapid Deployment Level), deployment, or withdrawn. {@link #UNKNOWN} is read for a status added later; it is never
 * published.
 */
public enum PledgeStatus {
    DRAFT,
    SUBMITTED,
    ACKNOWLEDGED,
    ANNOUNCED,
    ACCEPTED,
    DECLINED,
    /** PCRS Level 1: registered. */
    LEVEL_1,
    /** PCRS Level 2: after a successful assessment and advisory visit. */
    LEVEL_2,
    /** PCRS Level 3: aligned with a statement of unit requirements. */
    LEVEL_3,
    /** PCRS Rapid Deployment Level: deployable within 60 days of a UN request. */
    RAPID_DEPLOYMENT,
    DEPLOYED,
    WITHDRAWN,
    @JsonEnumDefaultValue UNKNOWN
}
