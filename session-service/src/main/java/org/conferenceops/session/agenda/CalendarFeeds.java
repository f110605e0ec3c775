package org.conferenceops.session.agenda;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Writes iCalendar feeds (RFC 5545) with ical4j: one VEVENT per session with a stable UID ({@link #uid}), SEQUENCE =
 * the session's change version, DTSTART/DTEND in the meeting's zone with its VTIMEZONE, STATUS CANCELLED for a
 * cancelled session (kept in the feed so that clients remove it), METHOD:PUBLISH.
 */
@Component
class CalendarFeeds {

    static final String PRODUCT = "-//Conference Ops//session-service//EN";
    private static final String UID_DOMAIN = "@conference-ops";

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();
    private final Clock clock;

    CalendarFeeds(Clock clock) {
        this.clock = clock;
    }

    /** The UID of a session in every feed and e-mail: {@code <sessionId>@conference-ops}. */
    static String uid(String sessionId) {
        return sessionId + UID_DOMAIN;
    }

    /** What one VEVENT shows; {@code status} is CONFIRMED, TENTATIVE (waitlisted) or CANCELLED. */
    record Item(String sessionId, String title, String track, Instant startsAt, Instant endsAt, String timeZone,
            @Nullable String location, @Nullable String virtualLink, String status, int changeVersion,
            @Nullable String description) {
    }

    /** The whole feed as text, lines ending in CRLF and folded at 75 octets. */
    String write(String name, List<Item> items) {
        Instant stamp = clock.instant();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        Map<String, @Nullable TimeZone> used = new LinkedHashMap<>();
        items.forEach(item -> used.computeIfAbsent(item.timeZone(), zones::getTimeZone));
        used.values().stream().filter(z -> z != null).forEach(z -> calendar.add(z.getVTimeZone()));
        items.forEach(item -> calendar.add(event(item, used.get(item.timeZone()), stamp)));
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static VEvent event(Item item, @Nullable TimeZone zone, Instant stamp) {
        VEvent event = zone == null
                // a zone ical4j has no definition for: UTC times, which every client reads
                ? new VEvent(item.startsAt(), item.endsAt(), item.title())
                : new VEvent(ZonedDateTime.ofInstant(item.startsAt(), ZoneId.of(item.timeZone())),
                        ZonedDateTime.ofInstant(item.endsAt(), ZoneId.of(item.timeZone())), item.title());
        event.replace(new DtStamp(stamp));
        event.add(new Uid(uid(item.sessionId())));
        event.add(new Sequence(item.changeVersion()));
        event.add(new Status(item.status()));
        event.add(new Categories(item.track()));
        if (item.location() != null) {
            event.add(new Location(item.location()));
        }
        URI link = link(item.virtualLink());
        if (link != null) {
            event.add(new Url(link));
        }
        if (item.description() != null) {
            event.add(new Description(item.description()));
        }
        return event;
    }

    private static @Nullable URI link(@Nullable String virtualLink) {
        if (virtualLink == null) {
            return null;
        }
        try {
            return new URI(virtualLink);
        }
        catch (URISyntaxException e) {
            return null;
        }
    }
}
