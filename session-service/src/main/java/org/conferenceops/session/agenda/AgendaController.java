package org.conferenceops.session.agenda;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.conferenceops.events.session.Attendance;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.session.programme.Programme;
import org.conferenceops.session.programme.Room;
import org.conferenceops.session.programme.Session;
import org.conferenceops.session.programme.SessionStatus;
import org.conferenceops.session.seats.BookingStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HTTP adapter of personal agendas (JSON and iCalendar) and of the programme's iCalendar feed. */
@RestController
class AgendaController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final Agendas agendas;
    private final CalendarFeeds feeds;
    private final Programme programme;

    AgendaController(Agendas agendas, CalendarFeeds feeds, Programme programme) {
        this.agendas = agendas;
        this.feeds = feeds;
        this.programme = programme;
    }

    /** The delegate's confirmed and waitlisted sessions; {@code tz} adds times in the delegate's own zone. */
    @GetMapping("/api/delegates/{delegateId}/agenda")
    AgendaView agenda(CurrentUser caller, @PathVariable String delegateId,
            @RequestParam(required = false) @Nullable String tz) {
        return agendas.agenda(caller, delegateId, tz);
    }

    /** The same agenda as an iCalendar feed; waitlisted sessions are TENTATIVE. */
    @GetMapping("/api/delegates/{delegateId}/agenda.ics")
    ResponseEntity<String> agendaFeed(CurrentUser caller, @PathVariable String delegateId) {
        List<CalendarFeeds.Item> items = agendas.agenda(caller, delegateId, null).sessions().stream()
                .map(AgendaController::item).toList();
        return calendar("agenda", feeds.write("Conference Ops agenda", items));
    }

    /** Every session of a conference, cancelled ones included (STATUS:CANCELLED). */
    @GetMapping("/api/conferences/{conferenceId}/programme.ics")
    ResponseEntity<String> programmeFeed(@PathVariable String conferenceId) {
        List<CalendarFeeds.Item> items = programme.sessions(conferenceId).stream().map(this::item).toList();
        return calendar("programme", feeds.write(conferenceId + " programme", items));
    }

    private static CalendarFeeds.Item item(AgendaEntry e) {
        String status = e.sessionStatus() == SessionStatus.CANCELLED ? "CANCELLED"
                : e.booking() == BookingStatus.CONFIRMED ? "CONFIRMED" : "TENTATIVE";
        String location = e.attendance() == Attendance.VIRTUAL || e.roomName() == null ? e.virtualLink()
                : e.roomName();
        String description = e.booking() == BookingStatus.WAITLISTED
                ? "Waitlisted (position " + e.waitlistPosition() + ")" : null;
        return new CalendarFeeds.Item(e.sessionId(), e.title(), e.track(), e.startsAt(), e.endsAt(), e.timeZone(),
                location, e.virtualLink(), status, e.changeVersion(), description);
    }

    private CalendarFeeds.Item item(Session s) {
        Room room = programme.roomOrNull(s.roomId());
        String location = room != null ? room.name() : s.virtualLink();
        return new CalendarFeeds.Item(s.id(), s.title(), s.track(), s.startsAt(), s.endsAt(), s.timeZone(),
                location, s.virtualLink(), s.status() == SessionStatus.CANCELLED ? "CANCELLED" : "CONFIRMED",
                s.changeVersion(), s.cancellationReason() == null ? null : "Cancelled: " + s.cancellationReason());
    }

    private static ResponseEntity<String> calendar(String name, String body) {
        return ResponseEntity.ok().contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + ".ics\"").body(body);
    }
}
