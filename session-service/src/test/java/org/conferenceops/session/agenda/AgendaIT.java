package org.conferenceops.session.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conferenceops.session.SessionApi.expect;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.session.SessionApi;
import org.conferenceops.session.accreditation.AccreditedDelegateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Personal agendas and iCalendar feeds over HTTP, parsed back as a calendar client would. */
// one grace-free context for every IT but the demo one: the reconciler repairs on its second look
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "conference-ops.seats.reconcile-grace=0s")
class AgendaIT {

    @LocalServerPort
    int port;

    @Autowired
    AccreditedDelegateRepository accredited;

    private SessionApi api;
    private final String conference = "seoul-2031-" + UUID.randomUUID();
    private final String delegation = conference + "-KOR";

    @BeforeEach
    void client() {
        api = new SessionApi(port);
    }

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void aDelegatesAgendaListsConfirmedAndWaitlistedSessionsInThreeZonesWithOverlapsAndOnlyForThoseAllowed() {
        String plenary = api.sessionWithSeats(conference, 10, "2031-12-07T01:00:00Z", "2031-12-07T03:00:00Z");
        String sideEvent = api.sessionWithSeats(conference, 1, "2031-12-07T02:00:00Z", "2031-12-07T04:00:00Z");
        List<String> delegates = api.accredit(conference, delegation, 2, accredited::existsById);
        String me = delegates.get(0);
        expect(201, book(sideEvent, delegates.get(1)));
        expect(201, book(plenary, me));
        expect(201, book(sideEvent, me));

        JsonNode agenda = api.json(expect(200, api.send("GET", "/api/delegates/" + me + "/agenda?tz=America/New_York",
                TokenRequest.delegate(delegation, me), null)));

        List<JsonNode> sessions = StreamSupport.stream(agenda.get("sessions").spliterator(), false).toList();
        assertThat(sessions).extracting(s -> s.get("sessionId").asString()).containsExactly(plenary, sideEvent);
        assertThat(sessions).extracting(s -> s.get("booking").asString()).containsExactly("CONFIRMED", "WAITLISTED");
        assertThat(sessions.get(1).get("waitlistPosition").asInt()).isEqualTo(1);
        JsonNode first = sessions.getFirst();
        assertThat(first.get("uid").asString()).isEqualTo(plenary + "@conference-ops");
        assertThat(first.get("startsAt").asString()).isEqualTo("2031-12-07T01:00:00Z");
        assertThat(first.get("timeZone").asString()).isEqualTo("Asia/Seoul");
        assertThat(first.get("localStart").asString()).isEqualTo("2031-12-07T10:00:00");
        assertThat(first.get("delegateTimeZone").asString()).isEqualTo("America/New_York");
        assertThat(first.get("delegateStart").asString()).isEqualTo("2031-12-06T20:00:00");
        assertThat(first.get("mode").asString()).isEqualTo("HYBRID");
        assertThat(first.get("roomName").asString()).startsWith("Hall ");
        assertThat(first.get("virtualLink").asString()).isEqualTo("https://meet.example.org/x");
        assertThat(first.get("overlapsWith").get(0).asString()).isEqualTo(sideEvent);
        assertThat(agenda.get("overlaps").asInt()).isEqualTo(2);

        String path = "/api/delegates/" + me + "/agenda";
        assertThat(api.send("GET", path, TokenRequest.focalPoint(delegation), null).statusCode()).isEqualTo(200);
        assertThat(api.send("GET", path, TokenRequest.organizer(), null).statusCode()).isEqualTo(200);
        assertThat(api.send("GET", path, TokenRequest.focalPoint(conference + "-FRA"), null).statusCode())
                .isEqualTo(404);
        assertThat(api.send("GET", path, TokenRequest.delegate(delegation, delegates.get(1)), null).statusCode())
                .isEqualTo(404);
        assertThat(api.send("GET", path + ".ics", TokenRequest.delegate(delegation, delegates.get(1)), null)
                .statusCode()).isEqualTo(404);
        HttpResponse<String> badZone = api.send("GET", path + "?tz=Mars/Olympus_Mons",
                TokenRequest.delegate(delegation, me), null);
        assertThat(badZone.statusCode()).isEqualTo(422);
        assertThat(badZone.body()).contains("unknown-zone");
    }

    @Test
    void feedsKeepEachSessionsUidRaiseItsSequenceOnEveryChangeAndKeepCancelledSessionsAsCancelled()
            throws Exception {
        String plenary = api.sessionWithSeats(conference, 10, "2031-12-07T01:00:00Z", "2031-12-07T03:00:00Z");
        String sideEvent = api.sessionWithSeats(conference, 10, "2031-12-07T05:00:00Z", "2031-12-07T06:00:00Z");
        String me = api.accredit(conference, delegation, 1, accredited::existsById).getFirst();
        expect(201, book(plenary, me));
        expect(201, book(sideEvent, me));

        HttpResponse<String> personal = expect(200, api.send("GET", "/api/delegates/" + me + "/agenda.ics",
                TokenRequest.delegate(delegation, me), null));
        VEvent before = event(programmeFeed(), plenary);
        expect(200, api.send("POST", "/api/sessions/" + plenary + "/reschedule", TokenRequest.organizer(),
                "{\"startsAt\":\"2031-12-07T02:00:00Z\",\"endsAt\":\"2031-12-07T04:00:00Z\"}"));
        expect(200, api.send("POST", "/api/sessions/" + sideEvent + "/cancel", TokenRequest.organizer(),
                "{\"reason\":\"merged into the plenary\"}"));
        Calendar after = programmeFeed();

        assertThat(personal.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t.toLowerCase())
                .startsWith("text/calendar").contains("charset=utf-8"));
        Calendar mine = new CalendarBuilder().build(new StringReader(personal.body()));
        assertThat(mine.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("PUBLISH");
        assertThat(mine.<VEvent>getComponents(Component.VEVENT)).extracting(e -> e.getUid().orElseThrow().getValue())
                .containsExactly(plenary + "@conference-ops", sideEvent + "@conference-ops");
        assertThat(mine.<VTimeZone>getComponents(Component.VTIMEZONE)).singleElement().satisfies(z -> assertThat(
                z.getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Asia/Seoul"));

        VEvent rescheduled = event(after, plenary);
        assertThat(rescheduled.getUid()).isEqualTo(before.getUid());
        assertThat(before.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
        assertThat(rescheduled.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
        assertThat(rescheduled.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20311207T110000");
        assertThat(rescheduled.getProperty(Property.DTSTART).orElseThrow().getParameter(Parameter.TZID)
                .orElseThrow().getValue()).isEqualTo("Asia/Seoul");
        assertThat(rescheduled.getProperty(Property.LOCATION).orElseThrow().getValue()).startsWith("Hall ");
        VEvent cancelled = event(after, sideEvent);
        assertThat(cancelled.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(cancelled.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
    }

    @Test
    void aSessionThatHasEndedTakesNoBookings() {
        String past = api.sessionWithSeats(conference, 10, "2021-12-07T01:00:00Z", "2021-12-07T03:00:00Z");
        String me = api.accredit(conference, delegation, 1, accredited::existsById).getFirst();

        HttpResponse<String> refused = book(past, me);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("session-ended");
    }

    private Calendar programmeFeed() throws Exception {
        HttpResponse<String> feed = expect(200, api.send("GET", "/api/conferences/" + conference + "/programme.ics",
                TokenRequest.delegate(delegation, "anyone"), null));
        return new CalendarBuilder().build(new StringReader(feed.body()));
    }

    private static VEvent event(Calendar calendar, String sessionId) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(e -> e.getUid().orElseThrow().getValue().equals(sessionId + "@conference-ops")).findFirst()
                .orElseThrow();
    }

    private HttpResponse<String> book(String session, String delegate) {
        return api.send("POST", "/api/sessions/" + session + "/bookings", TokenRequest.delegate(delegation, delegate),
                "{}");
    }
}
