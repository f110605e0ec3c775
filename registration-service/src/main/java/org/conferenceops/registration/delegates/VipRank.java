package org.conferenceops.registration.delegates;

/** Protocol rank: heads of state or government and ministers get VIP handling. */
public enum VipRank {
    NONE, MINISTER, HEAD_OF_STATE_OR_GOVERNMENT;

    public boolean vip() {
        return this != NONE;
    }
}
