package org.conferenceops.session.programme;

import java.time.LocalDate;
import java.time.ZoneId;
import org.conferenceops.events.session.SessionMode;
import org.conferenceops.platform.outbox.AggregateDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A meeting of a conference: a preparatory meeting in another city (or online), or the ministerial itself. Its
 * sessions must fall on its days, in its time zone.
 */
@Document("meetings")
public class Meeting extends AggregateDocument {

    @Id
    private final String id;
    private final String conferenceId;
    private final String title;
    private final @Nullable String city;
    private final SessionMode mode;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final String timeZone;

    @PersistenceCreator
    Meeting(String id, String conferenceId, String title, @Nullable String city, SessionMode mode, LocalDate firstDay,
            LocalDate lastDay, String timeZone) {
        this.id = id;
        this.conferenceId = conferenceId;
        this.title = title;
        this.city = city;
        this.mode = mode;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.timeZone = timeZone;
    }

    public String id() {
        return id;
    }

    public String conferenceId() {
        return conferenceId;
    }

    public String title() {
        return title;
    }

    public @Nullable String city() {
        return city;
    }

    public SessionMode mode() {
        return mode;
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public LocalDate lastDay() {
        return lastDay;
    }

    public String timeZone() {
        return timeZone;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
