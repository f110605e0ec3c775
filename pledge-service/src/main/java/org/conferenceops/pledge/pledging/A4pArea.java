package org.conferenceops.pledge.pledging;

/** The eight commitment areas of Action for Peacekeeping (A4P) a pledge may be tagged with. */
public enum A4pArea {
    POLITICS,
    WOMEN_PEACE_AND_SECURITY,
    PROTECTION,
    SAFETY_AND_SECURITY,
    PERFORMANCE_AND_ACCOUNTABILITY,
    PEACEBUILDING_AND_SUSTAINING_PEACE,
    PARTNERSHIPS,
    CONDUCT
}
