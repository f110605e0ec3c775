package org.conferenceops.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.conferenceops.events.notification.NotificationCatalogue;
import org.conferenceops.events.pledge.PledgeCatalogue;
import org.conferenceops.events.registration.RegistrationCatalogue;
import org.conferenceops.events.session.SessionCatalogue;

/**
 * Maps each frozen (type, version) to the record that carries it, and each record back to its (type, version).
 * A rename of a Java class changes nothing on the wire. Adding a version means adding an entry; no entry is ever
 * removed while a fixture of it exists.
 */
public final class EventCatalogue {

    // One list per producing service, each in its family's package, so families grow without touching this file.
    private static final EventCatalogue STANDARD = new EventCatalogue(Stream.of(
                    RegistrationCatalogue.DESCRIPTORS,
                    NotificationCatalogue.DESCRIPTORS,
                    PledgeCatalogue.DESCRIPTORS,
                    SessionCatalogue.DESCRIPTORS)
            .flatMap(List::stream).toList());

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
