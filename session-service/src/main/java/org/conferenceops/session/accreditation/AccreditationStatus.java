package org.conferenceops.session.accreditation;

/** Whether a delegate may book: only when ACCREDITED; WITHDRAWN and ERASED are final. */
public enum AccreditationStatus {
    ACCREDITED,
    WITHDRAWN,
    ERASED
}
