package org.conferenceops.registration.delegations;

/**
 * Seats a delegation's delegates hold, per role (the head of delegation counts as a representative in the size rule,
 * and is counted here on its own).
 */
public record SeatCounts(int head, int representative, int alternate, int adviser) {

    /** No seat taken. */
    public static final SeatCounts NONE = new SeatCounts(0, 0, 0, 0);

    /** How many seats of this role are taken. */
    public int of(DelegationRole role) {
        return switch (role) {
            case HEAD -> head;
            case REPRESENTATIVE -> representative;
            case ALTERNATE -> alternate;
            case ADVISER -> adviser;
        };
    }

    /** These counts with a role's changed by {@code delta}, never below zero. */
    SeatCounts plus(DelegationRole role, int delta) {
        return switch (role) {
            case HEAD -> new SeatCounts(Math.max(0, head + delta), representative, alternate, adviser);
            case REPRESENTATIVE -> new SeatCounts(head, Math.max(0, representative + delta), alternate, adviser);
            case ALTERNATE -> new SeatCounts(head, representative, Math.max(0, alternate + delta), adviser);
            case ADVISER -> new SeatCounts(head, representative, alternate, Math.max(0, adviser + delta));
        };
    }
}
