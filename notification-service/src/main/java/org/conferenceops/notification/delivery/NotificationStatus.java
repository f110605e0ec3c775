package org.conferenceops.notification.delivery;

/** Where a notification is in its delivery. */
public enum NotificationStatus {
    /** Created, not yet accepted by its channel. */
    QUEUED,
    /** Accepted by its channel. Final. */
    SENT,
    /** The last attempt failed; a redelivery of the source event or a replay tries again. */
    FAILED
}
