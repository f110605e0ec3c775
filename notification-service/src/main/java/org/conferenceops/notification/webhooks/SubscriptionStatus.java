package org.conferenceops.notification.webhooks;

/** Whether a subscription receives deliveries. */
enum SubscriptionStatus {
    ACTIVE, SUSPENDED
}
