package org.conferenceops.events.registration;

import java.util.List;
import org.conferenceops.events.EventDescriptor;
import org.conferenceops.events.Topics;

/** The catalogue entries of registration-service's events. Entries are only ever added. */
public final class RegistrationCatalogue {

    private static final String PRODUCER = "registration-service";

    /** Every published (type, version) of the registration family. */
    public static final List<EventDescriptor> DESCRIPTORS = List.of(
            new EventDescriptor("registration.DelegateRegistered", 1, DelegateRegistered.class, Topics.REGISTRATION,
                    PRODUCER, "Delegate", "A focal point or organiser registered a delegate for a conference."));

    private RegistrationCatalogue() {
    }
}
