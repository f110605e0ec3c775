package org.conferenceops.events.notification;

import org.conferenceops.events.IntegrationEvent;

/** The events notification-service publishes. */
public sealed interface NotificationEvent extends IntegrationEvent permits NotificationDelivered, NotificationFailed,
        NotificationBounced {
}
