package org.conferenceops.notification.sessions;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.conferenceops.events.session.SessionMode;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A session as its messages describe it, built from session-service's programme events: title, times and zone,
 * room, mode and link, and the change version (the iCalendar SEQUENCE). Each event is applied only if it is newer
 * than the version stored, with one conditional write, so redelivered or stale events change nothing. A session
 * known only from a change event (its scheduling was never seen) has gaps, which messages show as such.
 */
@Document("session_schedules")
class SessionSchedule {

    /** Where a session stands. */
    enum Status {
        SCHEDULED, CANCELLED
    }

    @Id
    private final String sessionId;
    private final @Nullable String conferenceId;
    private final @Nullable String title;
    private final @Nullable String track;
    private final @Nullable String roomId;
    private final @Nullable SessionMode mode;
    private final @Nullable String virtualLink;
    @Indexed
    private final @Nullable Instant startsAt;
    private final @Nullable Instant endsAt;
    private final @Nullable String timeZone;
    private final @Nullable Status status;
    private final int changeVersion;

    @PersistenceCreator
    SessionSchedule(String sessionId, @Nullable String conferenceId, @Nullable String title, @Nullable String track,
            @Nullable String roomId, @Nullable SessionMode mode, @Nullable String virtualLink,
            @Nullable Instant startsAt, @Nullable Instant endsAt, @Nullable String timeZone, @Nullable Status status,
            int changeVersion) {
        this.sessionId = sessionId;
        this.conferenceId = conferenceId;
        this.title = title;
        this.track = track;
        this.roomId = roomId;
        this.mode = mode;
        this.virtualLink = virtualLink;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.timeZone = timeZone;
        this.status = status;
        this.changeVersion = changeVersion;
    }

    /** A session nothing is known about yet but its id. */
    static SessionSchedule unknown(String sessionId) {
        return new SessionSchedule(sessionId, null, null, null, null, null, null, null, null, null, null, 0);
    }

    boolean cancelled() {
        return status == Status.CANCELLED;
    }

    /** Whether it starts within {@code within} after {@code now} (or has started and not ended). */
    boolean startsWithin(java.time.Duration within, Instant now) {
        return startsAt != null && startsAt.isBefore(now.plus(within)) && (endsAt == null || endsAt.isAfter(now));
    }

    /** The meeting's zone, UTC when unknown. */
    ZoneId zone() {
        try {
            return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
        }
        catch (java.time.DateTimeException unknownZone) {
            return ZoneOffset.UTC;
        }
    }

    /** The values every session message carries (no personal data). */
    Map<String, String> values(String icalStatus) {
        Map<String, String> values = new HashMap<>();
        values.put(SessionMessages.SESSION, sessionId);
        values.put(SessionMessages.TITLE, title != null ? title : sessionId);
        values.put(SessionMessages.CONFERENCE, conferenceId != null ? conferenceId : "");
        values.put(SessionMessages.ICAL_STATUS, icalStatus);
        values.put(SessionMessages.CHANGE_VERSION, Integer.toString(changeVersion));
        values.put(SessionMessages.TIME_ZONE, zone().getId());
        if (track != null) {
            values.put(SessionMessages.TRACK, track);
        }
        if (startsAt != null && endsAt != null) {
            values.put(SessionMessages.STARTS_AT, startsAt.toString());
            values.put(SessionMessages.ENDS_AT, endsAt.toString());
        }
        if (roomId != null) {
            values.put(SessionMessages.ROOM, roomId);
        }
        if (mode != null) {
            values.put(SessionMessages.MODE, mode.name());
        }
        if (virtualLink != null) {
            values.put(SessionMessages.LINK, virtualLink);
        }
        return values;
    }

    String sessionId() {
        return sessionId;
    }

    @Nullable String conferenceId() {
        return conferenceId;
    }

    @Nullable Instant startsAt() {
        return startsAt;
    }

    @Nullable Instant endsAt() {
        return endsAt;
    }

    int changeVersion() {
        return changeVersion;
    }
}
