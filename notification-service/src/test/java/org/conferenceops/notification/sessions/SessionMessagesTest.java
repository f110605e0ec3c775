package org.conferenceops.notification.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.conferenceops.events.notification.Channel;
import org.conferenceops.events.session.Attendance;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.notification.delivery.Route;
import org.conferenceops.notification.templates.MessageTemplates;
import org.conferenceops.notification.templates.RenderedMessage;
import org.junit.jupiter.api.Test;

class SessionMessagesTest {

    private static final Instant START = Instant.parse("2025-05-13T08:00:00Z");
    private static final List<String> KINDS = List.of(SessionMessages.CHANGED, SessionMessages.CANCELLED,
            SessionMessages.SEAT_CONFIRMED, SessionMessages.SEAT_WAITLISTED, SessionMessages.SEAT_PROMOTED,
            SessionMessages.REMINDER);

    private final MessageTemplates templates = new MessageTemplates(new SimpleMeterRegistry());
    private final SessionCalendar calendar = new SessionCalendar(Clock.fixed(START.minusSeconds(86_400),
            ZoneOffset.UTC));
    private final SessionMessages messages = new SessionMessages(templates, calendar);

    @Test
    void everySessionKindIsWrittenInAllSixLanguagesWithNothingLeftUnfilled() {
        for (UnLanguage language : List.of(UnLanguage.ARABIC, UnLanguage.CHINESE, UnLanguage.ENGLISH,
                UnLanguage.FRENCH, UnLanguage.RUSSIAN, UnLanguage.SPANISH)) {
            for (String kind : KINDS) {
                RenderedMessage rendered = render(kind, language, ZoneId.of("America/New_York"));
                assertThat(rendered.fallback()).as("%s in %s", kind, language).isFalse();
                assertThat(rendered.subject() + rendered.text()).as("%s in %s", kind, language)
                        .doesNotContain("{").doesNotContain("}");
                assertThat(rendered.html()).contains(language.rightToLeft() ? "dir=\"rtl\"" : "dir=\"ltr\"");
            }
        }
    }

    @Test
    void changesAreListedBeforeAndAfterInTheRecipientsZoneAndTheVenues() {
        RenderedMessage english = render(SessionMessages.CHANGED, UnLanguage.ENGLISH, ZoneId.of("America/New_York"));

        assertThat(english.text()).contains("Time (America/New_York): May 13, 2025, 4:00\u202fAM – 5:30\u202fAM → "
                + "May 13, 2025, 6:00\u202fAM – 7:30\u202fAM")
                .contains("Venue time (Europe/Berlin): May 13, 2025, 10:00\u202fAM")
                .contains("Room: room-a → room-b")
                .contains("In-person places: 120 → 80");
        RenderedMessage arabic = render(SessionMessages.CHANGED, UnLanguage.ARABIC, ZoneId.of("Europe/Berlin"));
        assertThat(arabic.text()).contains("القاعة: room-a ← room-b").doesNotContain("بتوقيت مكان الانعقاد (");
        assertThat(arabic.html()).contains("<br>");
    }

    @Test
    void theCalendarCarriesTheFeedsUidSequenceStatusAndZone() throws Exception {
        Map<String, String> values = values(SessionMessages.CANCELLED);
        values.put(SessionMessages.ICAL_STATUS, "CANCELLED");
        RenderedMessage.Attachment file = messages.attachments(SessionMessages.CANCELLED, values,
                route(UnLanguage.ENGLISH, ZoneOffset.UTC)).getFirst();

        assertThat(file.contentType()).isEqualTo("text/calendar; method=PUBLISH; charset=UTF-8");
        Calendar parsed = new CalendarBuilder().build(new StringReader(new String(file.content(),
                StandardCharsets.UTF_8)));
        VEvent event = parsed.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("ses-1@conference-ops");
        assertThat(event.getSequence().getSequenceNo()).isEqualTo(5);
        assertThat(event.getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(parsed.getComponents("VTIMEZONE")).hasSize(1);
        assertThat(parsed.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("PUBLISH");
    }

    @Test
    void everyRecipientOfAChangeGetsTheSameFileWrittenOnceAMinuteForTheSameValues() {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(
                START.minusSeconds(3_600));
        SessionCalendar moving = new SessionCalendar(new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
        RenderedMessage.Attachment first = cancelled(moving, 4);
        now.set(now.get().plusSeconds(30));

        assertThat(cancelled(moving, 4)).as("the same values half a minute later").isSameAs(first);
        assertThat(new String(cancelled(moving, 5).content(), java.nio.charset.StandardCharsets.UTF_8))
                .as("other values: another file").contains("SEQUENCE:5");
        now.set(now.get().plus(SessionCalendar.REUSED_FOR));
        RenderedMessage.Attachment later = cancelled(moving, 4);
        assertThat(later).isNotSameAs(first);
        assertThat(new String(later.content(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("DTSTAMP:" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                        .withZone(ZoneOffset.UTC).format(now.get()));
    }

    private static RenderedMessage.Attachment cancelled(SessionCalendar calendar, int changeVersion) {
        return calendar.attachment("s-1", "Opening plenary", null, START, START.plusSeconds(5_400), "Europe/Berlin",
                "room-a", null, "CANCELLED", changeVersion);
    }

    @Test
    void aChangeConcernsOnlyTheBookingsItAffects() {
        ChangeNote room = note(ChangeNote.Type.MOVED, null);
        ChangeNote onlinePlaces = note(ChangeNote.Type.CAPACITY, Attendance.VIRTUAL);
        ChangeNote time = note(ChangeNote.Type.RESCHEDULED, null);

        assertThat(room.concerns(RosterEntry.Status.CONFIRMED, Attendance.IN_PERSON)).isTrue();
        assertThat(room.concerns(RosterEntry.Status.CONFIRMED, Attendance.VIRTUAL)).isFalse();
        assertThat(onlinePlaces.concerns(RosterEntry.Status.WAITLISTED, Attendance.VIRTUAL)).isTrue();
        assertThat(onlinePlaces.concerns(RosterEntry.Status.CONFIRMED, Attendance.VIRTUAL)).isFalse();
        assertThat(onlinePlaces.concerns(RosterEntry.Status.WAITLISTED, Attendance.IN_PERSON)).isFalse();
        assertThat(time.concerns(RosterEntry.Status.WAITLISTED, Attendance.VIRTUAL)).isTrue();
    }

    private RenderedMessage render(String kind, UnLanguage language, ZoneId zone) {
        Map<String, String> values = values(kind);
        Route route = route(language, zone);
        values.put("name", "Lena Schmidt");
        values.putAll(messages.values(kind, Map.copyOf(values), route, language));
        return templates.render(kind, language, values);
    }

    private static Map<String, String> values(String kind) {
        Map<String, String> values = new HashMap<>(Map.of(SessionMessages.SESSION, "ses-1", SessionMessages.TITLE,
                "Protection of civilians", SessionMessages.STARTS_AT, START.plusSeconds(7200).toString(),
                SessionMessages.ENDS_AT, START.plusSeconds(12_600).toString(), SessionMessages.TIME_ZONE,
                "Europe/Berlin", SessionMessages.ROOM, "room-b", SessionMessages.CHANGE_VERSION, "5",
                SessionMessages.ATTENDANCE, "IN_PERSON", SessionMessages.POSITION, "3"));
        values.put(SessionMessages.REASON, kind.equals(SessionMessages.SEAT_WAITLISTED) ? "CAPACITY_REDUCED"
                : "the room is needed for the plenary");
        values.put(SessionMessages.CHANGE_COUNT, "3");
        new ChangeNote("e1", 2, ChangeNote.Type.RESCHEDULED, START + "/" + START.plusSeconds(5400),
                START.plusSeconds(7200) + "/" + START.plusSeconds(12_600), null, null, false, START).into(values, 0);
        new ChangeNote("e2", 3, ChangeNote.Type.MOVED, "room-a", "room-b", null, null, false, START).into(values, 1);
        new ChangeNote("e3", 4, ChangeNote.Type.CAPACITY, "120", "80", Attendance.IN_PERSON, null, false, START)
                .into(values, 2);
        return values;
    }

    private static Route route(UnLanguage language, ZoneId zone) {
        return new Route("dlg-1", Channel.EMAIL, "lena@example.org", language, zone, null, "Lena Schmidt", "dlg-1",
                "berlin-2025-DEU");
    }

    private static ChangeNote note(ChangeNote.Type type, Attendance attendance) {
        return new ChangeNote("e", 2, type, "a", "b", attendance, null, false, START);
    }
}
