package org.conferenceops.platform.problem;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * 409: an aggregate refuses a command in its current state, e.g. accrediting a withdrawn delegate. The detail names
 * the current state; the body carries {@code currentState} and {@code attemptedAction} for clients that switch on
 * them.
 */
public class IllegalStateTransitionException extends ProblemException {

    private final String currentState;
    private final String attemptedAction;

    /**
     * @param resource        what refused, in words, e.g. {@code delegate}
     * @param currentState    the state it is in, e.g. {@code WITHDRAWN}
     * @param attemptedAction the command refused, e.g. {@code accredit}
     */
    public IllegalStateTransitionException(String resource, String currentState, String attemptedAction) {
        super(HttpStatus.CONFLICT, ProblemTypes.ILLEGAL_STATE_TRANSITION, "Not allowed in the current state",
                "cannot " + attemptedAction + " " + resource + " in state " + currentState);
        this.currentState = currentState;
        this.attemptedAction = attemptedAction;
    }

    /** Same as the string form, for aggregates whose states are an enum. */
    public IllegalStateTransitionException(String resource, Enum<?> currentState, String attemptedAction) {
        this(resource, currentState.name(), attemptedAction);
    }

    public String currentState() {
        return currentState;
    }

    public String attemptedAction() {
        return attemptedAction;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("currentState", currentState, "attemptedAction", attemptedAction);
    }
}
