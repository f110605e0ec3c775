package org.conferenceops.session.seats;

import java.time.Instant;
import java.util.List;
import org.conferenceops.events.session.Attendance;
import org.conferenceops.events.session.ReleaseReason;
import org.conferenceops.events.session.SeatConfirmed;
import org.conferenceops.events.session.SeatReleased;
import org.conferenceops.events.session.SeatWaitlisted;
import org.conferenceops.events.session.SessionEvent;
import org.conferenceops.events.session.WaitlistPromoted;
import org.conferenceops.events.session.WaitlistReason;
import org.conferenceops.platform.outbox.AggregateDocument;
import org.conferenceops.platform.problem.IllegalStateTransitionException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One delegate's booking of one session: its own aggregate and outbox, id {@code <sessionId>~<delegateId>}, so a
 * second booking of the same session by the same delegate finds (or collides with) the first. {@code arrival} is the
 * session-wide arrival number handed out by the seat counter: the waitlist is served in its order.
 */
@Document("bookings")
@CompoundIndex(name = "session_status_arrival", def = "{'sessionId': 1, 'attendance': 1, 'status': 1, 'arrival': 1}")
public class Booking extends AggregateDocument {

    @Id
    private final String id;
    private final String conferenceId;
    private final String sessionId;
    @Indexed
    private final String delegateId;
    private final String delegationId;
    private Attendance attendance;
    private BookingStatus status;
    private long arrival;
    private int joinedPosition;
    private Instant requestedAt;
    private @Nullable Instant confirmedAt;
    private int changes;
    private @Nullable Instant releasedAt;

    @PersistenceCreator
    Booking(String id, String conferenceId, String sessionId, String delegateId, String delegationId,
            Attendance attendance, BookingStatus status, long arrival, int joinedPosition, Instant requestedAt,
            @Nullable Instant confirmedAt, int changes, @Nullable Instant releasedAt) {
        this.id = id;
        this.conferenceId = conferenceId;
        this.sessionId = sessionId;
        this.delegateId = delegateId;
        this.delegationId = delegationId;
        this.attendance = attendance;
        this.status = status;
        this.arrival = arrival;
        this.joinedPosition = joinedPosition;
        this.requestedAt = requestedAt;
        this.confirmedAt = confirmedAt;
        this.changes = changes;
        this.releasedAt = releasedAt;
    }

    static String idOf(String sessionId, String delegateId) {
        return sessionId + "~" + delegateId;
    }

    /** A booking not yet stored; {@link #confirm} or {@link #waitlist} decides its state. */
    static Booking request(String conferenceId, String sessionId, String delegateId, String delegationId,
            Attendance attendance, Instant now) {
        return new Booking(idOf(sessionId, delegateId), conferenceId, sessionId, delegateId, delegationId, attendance,
                BookingStatus.RELEASED, 0, 0, now, null, 0, null);
    }

    /** Takes the seat claimed on the counter. Only a new or released booking may. */
    List<SessionEvent> confirm(Attendance requested, long arrivalNumber, Instant now) {
        requireReleased("confirm");
        bookedAgain();
        attendance = requested;
        status = BookingStatus.CONFIRMED;
        arrival = arrivalNumber;
        joinedPosition = 0;
        requestedAt = now;
        confirmedAt = now;
        return List.of(new SeatConfirmed(id, sessionId, conferenceId, delegateId, delegationId, attendance, now));
    }

    /** Joins the waitlist at the position the counter gave. Only a new or released booking may. */
    List<SessionEvent> waitlist(Attendance requested, long arrivalNumber, int position, Instant now) {
        requireReleased("waitlist");
        bookedAgain();
        attendance = requested;
        status = BookingStatus.WAITLISTED;
        arrival = arrivalNumber;
        joinedPosition = position;
        requestedAt = now;
        confirmedAt = null;
        return List.of(new SeatWaitlisted(id, sessionId, conferenceId, delegateId, delegationId, attendance, position,
                WaitlistReason.SESSION_FULL, now));
    }

    /** Gets a released seat. */
    List<SessionEvent> promote(Instant now) {
        if (status != BookingStatus.WAITLISTED) {
            throw new IllegalStateTransitionException("booking", status, "promote");
        }
        status = BookingStatus.CONFIRMED;
        confirmedAt = now;
        joinedPosition = 0;
        changes++;
        return List.of(new WaitlistPromoted(id, sessionId, conferenceId, delegateId, delegationId, attendance, now));
    }

    /** Loses its seat because capacity went down; it keeps its arrival number, so it waits ahead of later ones. */
    List<SessionEvent> demote(int position, Instant now) {
        if (status != BookingStatus.CONFIRMED) {
            throw new IllegalStateTransitionException("booking", status, "waitlist");
        }
        status = BookingStatus.WAITLISTED;
        confirmedAt = null;
        joinedPosition = position;
        changes++;
        return List.of(new SeatWaitlisted(id, sessionId, conferenceId, delegateId, delegationId, attendance, position,
                WaitlistReason.CAPACITY_REDUCED, now));
    }

    /** Gives up the seat or the place on the waitlist; nothing happens if already released. */
    List<SessionEvent> release(ReleaseReason reason, Instant now) {
        if (status == BookingStatus.RELEASED) {
            return List.of();
        }
        boolean heldSeat = status == BookingStatus.CONFIRMED;
        status = BookingStatus.RELEASED;
        confirmedAt = null;
        releasedAt = now;
        changes++;
        return List.of(new SeatReleased(id, sessionId, conferenceId, delegateId, delegationId, attendance, heldSeat,
                reason, now));
    }

    // a booking stored before was released: taking a place again is a change its calendar entry must show
    private void bookedAgain() {
        if (version() != null) {
            changes++;
            releasedAt = null;
        }
    }

    private void requireReleased(String action) {
        if (status != BookingStatus.RELEASED) {
            throw new IllegalStateTransitionException("booking", status, action);
        }
    }

    public boolean isActive() {
        return status != BookingStatus.RELEASED;
    }

    public String id() {
        return id;
    }

    public String conferenceId() {
        return conferenceId;
    }

    public String sessionId() {
        return sessionId;
    }

    public String delegateId() {
        return delegateId;
    }

    public String delegationId() {
        return delegationId;
    }

    public Attendance attendance() {
        return attendance;
    }

    public BookingStatus status() {
        return status;
    }

    public long arrival() {
        return arrival;
    }

    public int joinedPosition() {
        return joinedPosition;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public @Nullable Instant confirmedAt() {
        return confirmedAt;
    }

    /**
     * How often the delegate's place changed after it was first taken (promoted, moved to the waitlist, released,
     * booked again). Added to the session's change version, it is the SEQUENCE of the personal calendar feed, so a
     * fresh booking shows the programme's SEQUENCE and every later change of the place raises it.
     */
    public int changes() {
        return changes;
    }

    /** When the booking was last released, or null while it holds or waits for a seat. */
    public @Nullable Instant releasedAt() {
        return releasedAt;
    }
}
