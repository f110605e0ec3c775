package org.conferenceops.registration.delegates;

/** Where a delegate is in registration and accreditation. */
public enum DelegateStatus {
    /** Registered, waiting for an organiser's decision. */
    PENDING,
    /** Accredited: may get a badge. */
    ACCREDITED,
    /** Refused accreditation, with a reason. */
    REJECTED,
    /** Withdrawn by an organiser or substituted; final. */
    WITHDRAWN,
    /** Personal data erased at the person's request; final. */
    ERASED
}
