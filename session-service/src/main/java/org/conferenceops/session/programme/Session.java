package org.conferenceops.session.programme;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.conferenceops.events.session.Attendance;
import org.conferenceops.events.session.SessionCancelled;
import org.conferenceops.events.session.SessionCapacityChanged;
import org.conferenceops.events.session.SessionEvent;
import org.conferenceops.events.session.SessionMode;
import org.conferenceops.events.session.SessionModeChanged;
import org.conferenceops.events.session.SessionMoved;
import org.conferenceops.events.session.SessionRescheduled;
import org.conferenceops.events.session.SessionScheduled;
import org.conferenceops.platform.problem.IllegalStateTransitionException;
import org.conferenceops.platform.outbox.AggregateDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A session of a meeting: when, where (room and/or virtual link), who chairs it and how many may attend in the room
 * and online. Every schedule change raises the {@link #changeVersion()} (the iCalendar SEQUENCE) and an event with
 * the values before and after. Cancelled is final.
 */
@Document("sessions")
public class Session extends AggregateDocument {

    @Id
    private final String id;
    @Indexed
    private final String conferenceId;
    private final String meetingId;
    private final String track;
    private final String title;
    private final List<String> chairs;
    private final String timeZone;
    private @Nullable String roomId;
    private SessionMode mode;
    private @Nullable String virtualLink;
    private Instant startsAt;
    private Instant endsAt;
    private int capacity;
    private int virtualCapacity;
    private SessionStatus status;
    private int changeVersion;
    private @Nullable String cancellationReason;

    @PersistenceCreator
    Session(String id, String conferenceId, String meetingId, String track, String title, List<String> chairs,
            String timeZone, @Nullable String roomId, SessionMode mode, @Nullable String virtualLink, Instant startsAt,
            Instant endsAt, int capacity, int virtualCapacity, SessionStatus status, int changeVersion,
            @Nullable String cancellationReason) {
        this.id = id;
        this.conferenceId = conferenceId;
        this.meetingId = meetingId;
        this.track = track;
        this.title = title;
        this.chairs = List.copyOf(chairs);
        this.timeZone = timeZone;
        this.roomId = roomId;
        this.mode = mode;
        this.virtualLink = virtualLink;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.capacity = capacity;
        this.virtualCapacity = virtualCapacity;
        this.status = status;
        this.changeVersion = changeVersion;
        this.cancellationReason = cancellationReason;
    }

    /** What a new session is made of; checked against the meeting, the room and the rest of the programme. */
    record Plan(String track, String title, List<String> chairs, @Nullable String roomId, SessionMode mode,
            @Nullable String virtualLink, Instant startsAt, Instant endsAt, int capacity, int virtualCapacity) {
    }

    /** A new session in the programme and its {@code SessionScheduled}. */
    static Scheduled schedule(String id, Meeting meeting, Plan plan, Instant now) {
        Session session = new Session(id, meeting.conferenceId(), meeting.id(), plan.track(), plan.title(),
                plan.chairs(), meeting.timeZone(), plan.roomId(), plan.mode(), plan.virtualLink(), plan.startsAt(),
                plan.endsAt(), plan.capacity(), plan.virtualCapacity(), SessionStatus.SCHEDULED, 1, null);
        return new Scheduled(session, List.of(new SessionScheduled(id, session.conferenceId, meeting.id(),
                plan.track(), plan.title(), plan.roomId(), plan.mode(), plan.virtualLink(), plan.startsAt(),
                plan.endsAt(), meeting.timeZone(), plan.capacity(), plan.virtualCapacity(), now)));
    }

    /** A scheduled session with the event that announces it. */
    record Scheduled(Session session, List<SessionEvent> events) {
    }

    List<SessionEvent> reschedule(Instant newStart, Instant newEnd, Instant now) {
        requireScheduled("reschedule");
        if (newStart.equals(startsAt) && newEnd.equals(endsAt)) {
            return List.of();
        }
        Instant previousStart = startsAt;
        Instant previousEnd = endsAt;
        startsAt = newStart;
        endsAt = newEnd;
        changeVersion++;
        return List.of(new SessionRescheduled(id, conferenceId, changeVersion, previousStart, previousEnd, newStart,
                newEnd, now));
    }

    /** Moves to another room; the in-person capacity becomes the new room's. */
    List<SessionEvent> moveTo(Room room, Instant now) {
        requireScheduled("move");
        if (room.id().equals(roomId) && room.capacity() == capacity) {
            return List.of();
        }
        String previousRoom = roomId;
        int previousCapacity = capacity;
        roomId = room.id();
        capacity = room.capacity();
        changeVersion++;
        return List.of(new SessionMoved(id, conferenceId, changeVersion, previousRoom, room.id(), previousCapacity,
                capacity, now));
    }

    List<SessionEvent> changeMode(SessionMode newMode, @Nullable String newLink, Instant now) {
        requireScheduled("change the mode of");
        if (newMode == mode && Objects.equals(newLink, virtualLink)) {
            return List.of();
        }
        SessionMode previousMode = mode;
        String previousLink = virtualLink;
        mode = newMode;
        virtualLink = newLink;
        changeVersion++;
        return List.of(new SessionModeChanged(id, conferenceId, changeVersion, previousMode, newMode, previousLink,
                newLink, now));
    }

    List<SessionEvent> changeCapacity(Attendance attendance, int newCapacity, Instant now) {
        requireScheduled("change the capacity of");
        int previous = capacityFor(attendance);
        if (previous == newCapacity) {
            return List.of();
        }
        if (attendance == Attendance.VIRTUAL) {
            virtualCapacity = newCapacity;
        }
        else {
            capacity = newCapacity;
        }
        changeVersion++;
        return List.of(new SessionCapacityChanged(id, conferenceId, changeVersion, attendance, previous, newCapacity,
                now));
    }

    List<SessionEvent> cancel(String reason, Instant now) {
        if (status == SessionStatus.CANCELLED) {
            return List.of();
        }
        status = SessionStatus.CANCELLED;
        cancellationReason = reason;
        changeVersion++;
        return List.of(new SessionCancelled(id, conferenceId, changeVersion, reason, now));
    }

    private void requireScheduled(String action) {
        if (status != SessionStatus.SCHEDULED) {
            throw new IllegalStateTransitionException("session", status, action);
        }
    }

    /** Whether this session and another overlap in time (touching ends do not overlap). */
    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return startsAt.isBefore(otherEnd) && otherStart.isBefore(endsAt);
    }

    /** Whether delegates can attend this way given the mode: in the room unless virtual, online unless in person. */
    public boolean offers(Attendance attendance) {
        return switch (attendance) {
            case IN_PERSON -> mode != SessionMode.VIRTUAL;
            case VIRTUAL -> mode != SessionMode.IN_PERSON;
            case UNKNOWN -> false;
        };
    }

    /** Places for one way of attending (persons). */
    public int capacityFor(Attendance attendance) {
        return attendance == Attendance.VIRTUAL ? virtualCapacity : capacity;
    }

    public String id() {
        return id;
    }

    public String conferenceId() {
        return conferenceId;
    }

    public String meetingId() {
        return meetingId;
    }

    public String track() {
        return track;
    }

    public String title() {
        return title;
    }

    public List<String> chairs() {
        return new ArrayList<>(chairs);
    }

    public String timeZone() {
        return timeZone;
    }

    public @Nullable String roomId() {
        return roomId;
    }

    public SessionMode mode() {
        return mode;
    }

    public @Nullable String virtualLink() {
        return virtualLink;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public int capacity() {
        return capacity;
    }

    public int virtualCapacity() {
        return virtualCapacity;
    }

    public SessionStatus status() {
        return status;
    }

    public int changeVersion() {
        return changeVersion;
    }

    public @Nullable String cancellationReason() {
        return cancellationReason;
    }
}
