package org.conferenceops.notification.sessions;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** How long a written file is given again for the same values. */
    static final Duration REUSED_FOR = Duration.ofSeconds(60);
    private static final int RECENT_LIMIT = 256;

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();
    private final Clock clock;
    private final Map<Request, Written> recent = new ConcurrentHashMap<>();

    SessionCalendar(Clock clock) {
        this.clock = clock;
    }

    /** The UID of a session in every feed and e-mail. */
    static String uid(String sessionId) {
        return sessionId + "@conference-ops";
    }

    /**
     * The calendar for one session as the message's values describe it. Every recipient of a session change gets the
     * same file: one written in the last {@link #REUSED_FOR} for the same values is given again (writing it per
     * recipient was 4 % of the CPU of a 10,000-recipient cancellation), its DTSTAMP the time it was written.
     *
     * @param status CONFIRMED, TENTATIVE or CANCELLED
     */
    RenderedMessage.Attachment attachment(String sessionId, String title, @Nullable String track, Instant startsAt,
            Instant endsAt, String timeZone, @Nullable String room, @Nullable String link, String status,
            int changeVersion) {
        Request request = new Request(sessionId, title, track, startsAt, endsAt, timeZone, room, link, status,
                changeVersion);
        Instant now = clock.instant();
        Written written = recent.get(request);
        if (written != null && !now.isAfter(written.at().plus(REUSED_FOR)) && !now.isBefore(written.at())) {
            return written.attachment();
        }
        if (recent.size() >= RECENT_LIMIT) {
            recent.clear();
        }
        RenderedMessage.Attachment attachment = write(request, now);
        recent.put(request, new Written(attachment, now));
        return attachment;
    }

    private record Request(String sessionId, String title, @Nullable String track, Instant startsAt, Instant endsAt,
            String timeZone, @Nullable String room, @Nullable String link, String status, int changeVersion) {
    }

    private record Written(RenderedMessage.Attachment attachment, Instant at) {
    }

    private RenderedMessage.Attachment write(Request request, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        TimeZone zone = zones.getTimeZone(request.timeZone());
        VEvent event;
        if (zone == null) {
            // a zone ical4j has no definition for: UTC times, which every client reads
            event = new VEvent(request.startsAt(), request.endsAt(), request.title());
        }
        else {
            calendar.add(zone.getVTimeZone());
            ZoneId zoneId = ZoneId.of(request.timeZone());
            event = new VEvent(ZonedDateTime.ofInstant(request.startsAt(), zoneId),
                    ZonedDateTime.ofInstant(request.endsAt(), zoneId), request.title());
        }
        event.replace(new DtStamp(now));
        event.add(new Uid(uid(request.sessionId())));
        event.add(new Sequence(request.changeVersion()));
        event.add(new Status(request.status()));
        if (request.track() != null) {
            event.add(new Categories(request.track()));
        }
        if (request.room() != null) {
            event.add(new Location(request.room()));
        }
        URI url = link(request.link());
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
