package org.conferenceops.notification.sessions;

import java.time.Instant;
import org.conferenceops.events.session.Attendance;
import org.conferenceops.platform.messaging.AppliedEvents;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One booking on a session's roster, under the booking id {@code <sessionId>~<delegateId>}: confirmed, waitlisted
 * (with position) or released. A released booking stays, marked, so that a late or replayed event for it is
 * recognised; it is on no roster. Seat events are applied once each ({@link AppliedEvents}).
 */
@Document("session_rosters")
@CompoundIndex(name = "session_status", def = "{'sessionId': 1, 'status': 1}")
class RosterEntry {

    /** Where a booking stands. */
    enum Status {
        CONFIRMED, WAITLISTED, RELEASED
    }

    @Id
    private final String bookingId;
    @Version
    private @Nullable Long version;
    private final String sessionId;
    private final String conferenceId;
    private final String delegateId;
    private final String delegationId;
    private Status status;
    private Attendance attendance;
    private int position;
    private Instant updatedAt;
    private AppliedEvents appliedEvents;

    @PersistenceCreator
    RosterEntry(String bookingId, @Nullable Long version, String sessionId, String conferenceId, String delegateId,
            String delegationId, Status status, Attendance attendance, int position, Instant updatedAt,
            AppliedEvents appliedEvents) {
        this.bookingId = bookingId;
        this.version = version;
        this.sessionId = sessionId;
        this.conferenceId = conferenceId;
        this.delegateId = delegateId;
        this.delegationId = delegationId;
        this.status = status;
        this.attendance = attendance;
        this.position = position;
        this.updatedAt = updatedAt;
        this.appliedEvents = appliedEvents;
    }

    static RosterEntry newBooking(String bookingId, String sessionId, String conferenceId, String delegateId,
            String delegationId, Attendance attendance, Instant at) {
        return new RosterEntry(bookingId, null, sessionId, conferenceId, delegateId, delegationId, Status.RELEASED,
                attendance, 0, at, AppliedEvents.none());
    }

    void moveTo(Status status, Attendance attendance, int position, Instant at, AppliedEvents applied) {
        this.status = status;
        this.attendance = attendance;
        this.position = position;
        this.updatedAt = at;
        this.appliedEvents = applied;
    }

    boolean booked() {
        return status != Status.RELEASED;
    }

    String bookingId() {
        return bookingId;
    }

    String sessionId() {
        return sessionId;
    }

    String delegateId() {
        return delegateId;
    }

    String delegationId() {
        return delegationId;
    }

    Status status() {
        return status;
    }

    Attendance attendance() {
        return attendance;
    }

    int position() {
        return position;
    }

    AppliedEvents appliedEvents() {
        return appliedEvents;
    }
}
