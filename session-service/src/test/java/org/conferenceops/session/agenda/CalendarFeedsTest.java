package org.conferenceops.session.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

class CalendarFeedsTest {

    private static final Instant NOW = Instant.parse("2021-12-02T10:15:00Z");

    private final CalendarFeeds feeds = new CalendarFeeds(Clock.fixed(NOW, ZoneOffset.UTC));

    private static CalendarFeeds.Item item(String id, String status, int version) {
        return new CalendarFeeds.Item(id, "Sustaining peace", "sustaining peace",
                Instant.parse("2021-12-07T00:30:00Z"), Instant.parse("2021-12-07T03:30:00Z"), "Asia/Seoul",
                "Plenary hall", "https://meet.example.org/seoul-2021-track-1", status, version, null);
    }

    private static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    @Test
    void aFeedParsesBackWithItsTimeZoneStableUidSequenceAndStatus() throws Exception {
        String text = feeds.write("Seoul 2021", List.of(item("seoul-2021-track-1", "CONFIRMED", 1),
                item("seoul-2021-track-2", "CANCELLED", 3)));

        Calendar calendar = parse(text);
        assertThat(text).contains("\r\n").startsWith("BEGIN:VCALENDAR");
        assertThat(calendar.getProperty(Property.PRODID).orElseThrow().getValue()).isEqualTo(CalendarFeeds.PRODUCT);
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("PUBLISH");
        assertThat(calendar.<VTimeZone>getComponents(Component.VTIMEZONE)).singleElement().satisfies(z -> assertThat(
                z.getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Asia/Seoul"));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(2);
        VEvent first = events.getFirst();
        assertThat(first.getUid().orElseThrow().getValue()).isEqualTo("seoul-2021-track-1@conference-ops");
        assertThat(first.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
        assertThat(first.getProperty(Property.DTSTAMP).orElseThrow().getValue()).isEqualTo("20211202T101500Z");
        assertThat(first.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20211207T093000");
        assertThat(first.getProperty(Property.DTSTART).orElseThrow().getParameter(Parameter.TZID).orElseThrow()
                .getValue()).isEqualTo("Asia/Seoul");
        assertThat(first.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("Plenary hall");
        assertThat(first.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CONFIRMED");
        assertThat(events.get(1).getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(events.get(1).getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("3");
    }

    @Test
    void aSessionKeepsItsUidAcrossVersionsSoThatClientsUpdateInsteadOfDuplicating() throws Exception {
        VEvent before = parse(feeds.write("x", List.of(item("s1", "CONFIRMED", 1))))
                .<VEvent>getComponent(Component.VEVENT).orElseThrow();
        VEvent after = parse(feeds.write("x", List.of(item("s1", "CONFIRMED", 2))))
                .<VEvent>getComponent(Component.VEVENT).orElseThrow();

        assertThat(after.getUid()).isEqualTo(before.getUid());
        assertThat(after.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
    }
}
