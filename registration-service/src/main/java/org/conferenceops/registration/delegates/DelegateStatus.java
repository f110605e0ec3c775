package org.conferenceops.registration.delegates;

/** Where a delegate is in accreditation. */
public enum DelegateStatus {
    /** Registered, waiting for an organiser's decision. */
    PENDING
}
