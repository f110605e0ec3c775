package org.conferenceops.session.accreditation;

/** Revokes a delegate's calendar feed subscription when they are withdrawn or erased; implemented by the agenda. */
public interface FeedRevocation {

    /** Idempotent: nothing happens when the delegate has no subscription. */
    void revokeFeedsOf(String delegateId);
}
