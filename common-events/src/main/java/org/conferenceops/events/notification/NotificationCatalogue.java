package org.conferenceops.events.notification;

import java.util.List;
import org.conferenceops.events.EventDescriptor;
import org.conferenceops.events.Topics;

/** The catalogue entries of notification-service's events. Entries are only ever added. */
public final class NotificationCatalogue {

    private static final String PRODUCER = "notification-service";

    /** Every published (type, version) of the notification family. */
    public static final List<EventDescriptor> DESCRIPTORS = List.of(
            new EventDescriptor("notification.NotificationDelivered", 1, NotificationDelivered.class,
                    Topics.NOTIFICATION, PRODUCER, "Notification",
                    "A notification was handed to its channel (e.g. accepted by the SMTP server)."),
            new EventDescriptor("notification.NotificationFailed", 1, NotificationFailed.class, Topics.NOTIFICATION,
                    PRODUCER, "Notification", "A notification could not be delivered on its channel; it may be retried."),
            new EventDescriptor("notification.NotificationBounced", 1, NotificationBounced.class,
                    Topics.NOTIFICATION, PRODUCER, "Notification",
                    "A delivered notification was reported undeliverable by the receiving side."));

    private NotificationCatalogue() {
    }
}
