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
                    PRODUCER, "Delegate", "A focal point or organiser registered a delegate for a conference."),
            new EventDescriptor("registration.DelegationRegistered", 1, DelegationRegistered.class,
                    Topics.REGISTRATION, PRODUCER, "Delegation",
                    "An organiser registered a delegation (member state, observer state or organisation)."),
            new EventDescriptor("registration.DelegateUpdated", 1, DelegateUpdated.class, Topics.REGISTRATION,
                    PRODUCER, "Delegate", "A delegate's contact details or preferences changed."),
            new EventDescriptor("registration.DelegateAccredited", 1, DelegateAccredited.class, Topics.REGISTRATION,
                    PRODUCER, "Delegate", "An organiser accredited a delegate."),
            new EventDescriptor("registration.AccreditationRejected", 1, AccreditationRejected.class,
                    Topics.REGISTRATION, PRODUCER, "Delegate", "An organiser rejected a delegate's accreditation."),
            new EventDescriptor("registration.RegistrationWithdrawn", 1, RegistrationWithdrawn.class,
                    Topics.REGISTRATION, PRODUCER, "Delegate",
                    "A delegate's registration was withdrawn or the delegate was substituted."),
            new EventDescriptor("registration.BadgeIssued", 1, BadgeIssued.class, Topics.REGISTRATION, PRODUCER,
                    "Delegate", "An accredited delegate was issued a signed badge."),
            new EventDescriptor("registration.BadgeRevoked", 1, BadgeRevoked.class, Topics.REGISTRATION, PRODUCER,
                    "Delegate", "A badge was revoked; scanners refuse it."),
            new EventDescriptor("registration.DelegateCheckedIn", 1, DelegateCheckedIn.class, Topics.REGISTRATION,
                    PRODUCER, "CheckIn", "A delegate's badge was scanned in for the first time on a conference day."),
            new EventDescriptor("registration.DelegateErased", 1, DelegateErased.class, Topics.REGISTRATION,
                    PRODUCER, "Delegate", "A delegate's personal data was erased; consumers must erase theirs."));

    private RegistrationCatalogue() {
    }
}
