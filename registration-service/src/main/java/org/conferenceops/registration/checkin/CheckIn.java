package org.conferenceops.registration.checkin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.conferenceops.events.registration.DelegateCheckedIn;
import org.conferenceops.platform.outbox.AggregateDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A delegate's entry on one conference day. Its id derives from (badge, day), so the first scan of the day inserts it
 * and every later scan, on any device, finds it: scanning is idempotent by construction.
 */
@Document("checkins")
@CompoundIndex(name = "conference_day", def = "{'conferenceId': 1, 'day': 1}")
class CheckIn extends AggregateDocument {

    @Id
    private final String id;
    private final String conferenceId;
    private final String delegateId;
    private final String delegationId;
    private final String badgeId;
    private final String day;
    private final int hour;
    private final String entrance;
    private final @Nullable String deviceId;
    private final Instant scannedAt;
    private final Instant recordedAt;

    @PersistenceCreator
    CheckIn(String id, String conferenceId, String delegateId, String delegationId, String badgeId, String day,
            int hour, String entrance, @Nullable String deviceId, Instant scannedAt, Instant recordedAt) {
        this.id = id;
        this.conferenceId = conferenceId;
        this.delegateId = delegateId;
        this.delegationId = delegationId;
        this.badgeId = badgeId;
        this.day = day;
        this.hour = hour;
        this.entrance = entrance;
        this.deviceId = deviceId;
        this.scannedAt = scannedAt;
        this.recordedAt = recordedAt;
    }

    static String idOf(String badgeId, String day) {
        return "chk-" + UUID.nameUUIDFromBytes((badgeId + "|" + day).getBytes(StandardCharsets.UTF_8));
    }

    /** The first entry of a badge on a day, and its event. */
    static Recorded record(String conferenceId, String delegateId, String delegationId, String badgeId, String day,
            int hour, String entrance, @Nullable String deviceId, Instant scannedAt, Instant now) {
        String id = idOf(badgeId, day);
        CheckIn checkIn = new CheckIn(id, conferenceId, delegateId, delegationId, badgeId, day, hour, entrance,
                deviceId, scannedAt, now);
        return new Recorded(checkIn, List.of(new DelegateCheckedIn(id, delegateId, conferenceId, delegationId, day,
                entrance, deviceId, scannedAt)));
    }

    record Recorded(CheckIn checkIn, List<DelegateCheckedIn> events) {
    }

    String id() {
        return id;
    }

    String delegateId() {
        return delegateId;
    }

    String day() {
        return day;
    }

    int hour() {
        return hour;
    }

    String entrance() {
        return entrance;
    }

    @Nullable String deviceId() {
        return deviceId;
    }

    Instant scannedAt() {
        return scannedAt;
    }
}
