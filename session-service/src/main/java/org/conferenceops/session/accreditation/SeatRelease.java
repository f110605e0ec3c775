package org.conferenceops.session.accreditation;

import org.conferenceops.events.session.ReleaseReason;

/** Releases every booking a delegate holds, idempotently; implemented by the seats feature. */
public interface SeatRelease {

    void releaseAllOf(String delegateId, ReleaseReason reason);
}
