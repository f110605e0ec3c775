package org.conferenceops.events.pledge;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * What a pledge offers, in the taxonomy used at peacekeeping ministerials: uniformed units by type, aviation,
 * medical, enablers, and the non-unit commitments (training, technology, women in peacekeeping, financial,
 * political support…). {@link #UNKNOWN} is what a consumer reads for a category added later; it is never
 * published.
 */
public enum PledgeCategory {
    INFANTRY_BATTALION(true),
    QUICK_REACTION_FORCE(true),
    SPECIAL_FORCES_COMPANY(true),
    RECONNAISSANCE_COMPANY(true),
    RIVERINE_UNIT(true),
    FORMED_POLICE_UNIT(true),
    INDIVIDUAL_POLICE_OFFICERS(true),
    STAFF_OFFICERS(true),
    UTILITY_HELICOPTER_UNIT(true),
    ARMED_HELICOPTER_UNIT(true),
    FIXED_WING_AIRCRAFT(true),
    UNMANNED_AERIAL_SYSTEM_UNIT(true),
    LEVEL_I_HOSPITAL(true),
    LEVEL_II_HOSPITAL(true),
    AEROMEDICAL_EVACUATION_TEAM(true),
    ENGINEERING_COMPANY(true),
    EXPLOSIVE_ORDNANCE_DISPOSAL_UNIT(true),
    SIGNALS_COMPANY(true),
    TRANSPORT_COMPANY(true),
    ISR_UNIT(true),
    TRAINING_AND_CAPACITY_BUILDING(false),
    TECHNOLOGY(false),
    WOMEN_IN_PEACEKEEPING(false),
    MENTAL_HEALTH(false),
    ENVIRONMENT(false),
    STRATEGIC_COMMUNICATIONS(false),
    FINANCIAL(false),
    POLITICAL_SUPPORT(false),
    @JsonEnumDefaultValue UNKNOWN(false);

    private final boolean uniformedCapability;

    PledgeCategory(boolean uniformedCapability) {
        this.uniformedCapability = uniformedCapability;
    }

    /**
     * Whether this is a uniformed capability (a unit, team or aircraft) registered in the PCRS and moved through
     * its readiness levels; other categories are fulfilled without readiness levels.
     */
    public boolean uniformedCapability() {
        return uniformedCapability;
    }
}
