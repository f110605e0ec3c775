package org.conferenceops.notification.delivery;

/** Where a notification is in its delivery. */
public enum NotificationStatus {
    /** Created or claimed for an attempt, not yet accepted by its channel. */
    QUEUED,
    /** Waiting for the end of the recipient's quiet hours. */
    DEFERRED,
    /** Accepted by its channel. Final unless a bounce follows. */
    SENT,
    /** The last attempt failed; {@code finalFailure} tells whether a retry follows. */
    FAILED,
    /** Accepted, then reported undeliverable by the receiving side. Final. */
    BOUNCED
}
