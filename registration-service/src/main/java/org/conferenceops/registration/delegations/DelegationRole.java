package org.conferenceops.registration.delegations;

/** A person's place in their delegation; it decides which seat of the size rule they take. */
public enum DelegationRole {
    /** The head of delegation; takes a representative's seat; at most one per delegation. */
    HEAD,
    REPRESENTATIVE,
    ALTERNATE,
    /** Advisers, experts and persons of similar status. */
    ADVISER
}
