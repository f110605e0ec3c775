package org.conferenceops.notification.sessions;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.conferenceops.notification.templates.RenderedMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The iCalendar file (RFC 5545) sent with session messages, written with ical4j so that it matches session-service's
 * calendar feeds event for event: UID {@code <sessionId>@conference-ops}, SEQUENCE = the session's change version,
 * DTSTART/DTEND in the meeting's zone with its VTIMEZONE, STATUS CONFIRMED, TENTATIVE (waitlisted) or CANCELLED.
 * METHOD is PUBLISH, as in the feeds: the messages come from a no-reply sender, so there is no organiser to answer
 * an invitation (REQUEST) to; a calendar updates its copy by UID and SEQUENCE either way.
 */
@Component
class SessionCalendar {

    static final String CONTENT_TYPE = "text/calendar; method=PUBLISH; charset=UTF-8";
    static final String FILE_NAME = "session.ics";
    private static final String PRODUCT = "-//Conference Ops//notification-service//EN";

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();
    private final Clock clock;

    SessionCalendar(Clock clock) {
        this.clock = clock;
    }

    /** The UID of a session in every feed and e-mail. */
    static String uid(String sessionId) {
        return sessionId + "@conference-ops";
    }

    /**
     * The calendar for one session as the message's values describe it.
     *
     * @param status CONFIRMED, TENTATIVE or CANCELLED
     */
    RenderedMessage.Attachment attachment(String sessionId, String title, @Nullable String track, Instant startsAt,
            Instant endsAt, String timeZone, @Nullable String room, @Nullable String link, String status,
            int changeVersion) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        TimeZone zone = zones.getTimeZone(timeZone);
        VEvent event;
        if (zone == null) {
            // a zone ical4j has no definition for: UTC times, which every client reads
            event = new VEvent(startsAt, endsAt, title);
        }
        else {
            calendar.add(zone.getVTimeZone());
            event = new VEvent(ZonedDateTime.ofInstant(startsAt, ZoneId.of(timeZone)),
                    ZonedDateTime.ofInstant(endsAt, ZoneId.of(timeZone)), title);
        }
        event.replace(new DtStamp(clock.instant()));
        event.add(new Uid(uid(sessionId)));
        event.add(new Sequence(changeVersion));
        event.add(new Status(status));
        if (track != null) {
            event.add(new Categories(track));
        }
        if (room != null) {
            event.add(new Location(room));
        }
        URI url = link(link);
        if (url != null) {
            event.add(new Url(url));
        }
        calendar.add(event);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RenderedMessage.Attachment(FILE_NAME, CONTENT_TYPE, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable URI link(@Nullable String link) {
        if (link == null) {
            return null;
        }
        try {
            return new URI(link);
        }
        catch (URISyntaxException e) {
            return null;
        }
    }
}
