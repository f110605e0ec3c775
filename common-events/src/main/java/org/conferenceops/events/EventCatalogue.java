package org.conferenceops.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conferenceops.events.notification.NotificationDelivered;
import org.conferenceops.events.notification.NotificationFailed;
import org.conferenceops.events.registration.DelegateRegistered;

/**
 * Maps each frozen (type, version) to the record that carries it, and each record back to its (type, version).
 * A rename of a Java class changes nothing on the wire. Adding a version means adding an entry; no entry is ever
 * removed while a fixture of it exists.
 */
public final class EventCatalogue {

    private static final EventCatalogue STANDARD = new EventCatalogue(List.of(
            new EventDescriptor("registration.DelegateRegistered", 1, DelegateRegistered.class, Topics.REGISTRATION,
                    "registration-service", "Delegate",
                    "A focal point or organiser registered a delegate for a conference."),
            new EventDescriptor("notification.NotificationDelivered", 1, NotificationDelivered.class,
                    Topics.NOTIFICATION, "notification-service", "Notification",
                    "A notification was handed to its channel (e.g. accepted by the SMTP server)."),
            new EventDescriptor("notification.NotificationFailed", 1, NotificationFailed.class, Topics.NOTIFICATION,
                    "notification-service", "Notification",
                    "A notification could not be delivered on its channel; it may be retried.")));

    private final Map<String, EventDescriptor> byKey = new LinkedHashMap<>();
    private final Map<Class<?>, EventDescriptor> byJavaType = new LinkedHashMap<>();

    public EventCatalogue(Collection<EventDescriptor> descriptors) {
        for (EventDescriptor descriptor : descriptors) {
            if (byKey.putIfAbsent(descriptor.key(), descriptor) != null) {
                throw new IllegalArgumentException("duplicate catalogue entry " + descriptor.key());
            }
            if (byJavaType.putIfAbsent(descriptor.javaType(), descriptor) != null) {
                throw new IllegalArgumentException(descriptor.javaType().getName() + " is catalogued twice");
            }
        }
    }

    /** The catalogue of every event Conference Ops publishes. */
    public static EventCatalogue standard() {
        return STANDARD;
    }

    public Collection<EventDescriptor> descriptors() {
        return byKey.values();
    }

    public Optional<EventDescriptor> find(String type, int version) {
        return Optional.ofNullable(byKey.get(type + "@" + version));
    }

    /** The descriptor of a record, or an exception naming the class: every published record must be catalogued. */
    public EventDescriptor describe(Class<? extends IntegrationEvent> javaType) {
        EventDescriptor descriptor = byJavaType.get(javaType);
        if (descriptor == null) {
            throw new IllegalArgumentException(javaType.getName() + " is not in the event catalogue");
        }
        return descriptor;
    }

    /** Whether any version of this logical type is known, to tell "unknown type" from "unknown version". */
    public boolean knowsType(String type) {
        return byKey.values().stream().anyMatch(d -> d.type().equals(type));
    }
}
