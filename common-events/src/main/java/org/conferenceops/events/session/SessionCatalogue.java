package org.conferenceops.events.session;

import java.util.List;
import org.conferenceops.events.EventDescriptor;
import org.conferenceops.events.Topics;

/** The catalogue entries of session-service's events. Entries are only ever added. */
public final class SessionCatalogue {

    private static final String PRODUCER = "session-service";

    /** Every published (type, version) of the session family. */
    public static final List<EventDescriptor> DESCRIPTORS = List.of(
            new EventDescriptor("session.SessionScheduled", 1, SessionScheduled.class, Topics.SESSION,
                    PRODUCER, "Session",
                    "An organiser scheduled a session in the programme."),
            new EventDescriptor("session.SessionRescheduled", 1, SessionRescheduled.class, Topics.SESSION,
                    PRODUCER, "Session",
                    "An organiser moved a session to another time."),
            new EventDescriptor("session.SessionMoved", 1, SessionMoved.class, Topics.SESSION,
                    PRODUCER, "Session",
                    "An organiser moved a session to another room."),
            new EventDescriptor("session.SessionModeChanged", 1, SessionModeChanged.class, Topics.SESSION,
                    PRODUCER, "Session",
                    "An organiser changed how a session is held, e.g. switched it to virtual."),
            new EventDescriptor("session.SessionCapacityChanged", 1, SessionCapacityChanged.class, Topics.SESSION,
                    PRODUCER, "Session",
                    "An organiser changed a session's in-person or online capacity."),
            new EventDescriptor("session.SessionCancelled", 1, SessionCancelled.class, Topics.SESSION,
                    PRODUCER, "Session",
                    "An organiser cancelled a session."),
            new EventDescriptor("session.SeatConfirmed", 1, SeatConfirmed.class, Topics.SESSION,
                    PRODUCER, "Booking",
                    "An accredited delegate booked a seat and got it."),
            new EventDescriptor("session.SeatWaitlisted", 1, SeatWaitlisted.class, Topics.SESSION,
                    PRODUCER, "Booking",
                    "A booking went on the waitlist (session full, or capacity reduced)."),
            new EventDescriptor("session.WaitlistPromoted", 1, WaitlistPromoted.class, Topics.SESSION,
                    PRODUCER, "Booking",
                    "A waitlisted booking got a released seat."),
            new EventDescriptor("session.SeatReleased", 1, SeatReleased.class, Topics.SESSION,
                    PRODUCER, "Booking",
                    "A booking was released (cancelled, registration withdrawn or delegate erased)."),
            new EventDescriptor("session.SpeakerInscribed", 1, SpeakerInscribed.class, Topics.SESSION,
                    PRODUCER, "SpeakersList",
                    "A focal point or organiser inscribed a speaker on a session's speakers list."),
            new EventDescriptor("session.SpeakerWithdrawn", 1, SpeakerWithdrawn.class, Topics.SESSION,
                    PRODUCER, "SpeakersList",
                    "An inscription was withdrawn from a session's speakers list."));

    private SessionCatalogue() {
    }
}
