package org.conferenceops.notification.recipients;

/** A delegate's standing as far as notifications care: it filters broadcast audiences. */
public enum RecipientStatus {
    REGISTERED, ACCREDITED, REJECTED, WITHDRAWN, ERASED
}
