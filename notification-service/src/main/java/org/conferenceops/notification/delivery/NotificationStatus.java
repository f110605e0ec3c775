package org.conferenceops.notification.delivery;

/** Where a notification is in its delivery. */
public enum NotificationStatus {
    /** Created, not yet handed to its channel (or, in logs written before {@link #SENDING}, claimed for an attempt). */
    QUEUED,
    /**
     * Handed to its channel under its deterministic message id, the outcome not yet stored. Found so after
     * {@code stale-claim}, the worker died during the hand-off: it is sent again under the same id ("retried after
     * crash"), so that a receiver that got the first can drop the second.
     */
    SENDING,
    /** Waiting for the end of the recipient's quiet hours. */
    DEFERRED,
    /** Accepted by its channel. Final unless a bounce follows. */
    SENT,
    /** The last attempt failed; {@code finalFailure} tells whether a retry follows. */
    FAILED,
    /** Accepted, then reported undeliverable by the receiving side. Final. */
    BOUNCED
}
