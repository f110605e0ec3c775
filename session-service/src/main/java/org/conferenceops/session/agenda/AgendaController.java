package org.conferenceops.session.agenda;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.conferenceops.platform.problem.NotFoundException;
import org.conferenceops.platform.problem.ProblemTypes;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.platform.web.ProblemDetails;
import org.conferenceops.session.programme.Programme;
import org.conferenceops.session.programme.Room;
import org.conferenceops.session.programme.Session;
import org.conferenceops.session.programme.SessionStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP adapter of personal agendas (JSON and iCalendar, with a bearer token or a subscription token) and of the
 * programme's public iCalendar feed.
 */
@RestController
class AgendaController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final Agendas agendas;
    private final CalendarFeeds feeds;
    private final Programme programme;
    private final PersonalFeed personal;
    private final CalendarSubscriptions subscriptions;

    AgendaController(Agendas agendas, CalendarFeeds feeds, Programme programme, PersonalFeed personal,
            CalendarSubscriptions subscriptions) {
        this.agendas = agendas;
        this.feeds = feeds;
        this.programme = programme;
        this.personal = personal;
        this.subscriptions = subscriptions;
    }

    /** The delegate's confirmed and waitlisted sessions; {@code tz} adds times in the delegate's own zone. */
    @GetMapping("/api/delegates/{delegateId}/agenda")
    AgendaView agenda(CurrentUser caller, @PathVariable String delegateId,
            @RequestParam(required = false) @Nullable String tz) {
        return agendas.agenda(caller, delegateId, tz);
    }

    /**
     * The delegate's personal iCalendar feed: waitlisted sessions are TENTATIVE; released bookings and cancelled
     * sessions stay as CANCELLED (see {@link PersonalFeed}).
     */
    @GetMapping("/api/delegates/{delegateId}/agenda.ics")
    ResponseEntity<String> agendaFeed(CurrentUser caller, @PathVariable String delegateId) {
        agendas.requireReader(caller, delegateId);
        return calendar("agenda", feeds.write("Conference Ops agenda", personal.items(delegateId)),
                "private, no-cache");
    }

    /**
     * The same personal feed for calendar clients that cannot send a bearer token: the secret token in the path
     * (from {@code POST /api/me/calendar-subscription}) says whose. Unknown, rotated or revoked tokens get 404.
     */
    @GetMapping("/api/calendar/{token}.ics")
    ResponseEntity<?> subscribedFeed(@PathVariable String token) {
        Optional<String> delegateId = subscriptions.ownerOf(token);
        if (delegateId.isEmpty()) {
            // not the usual NotFoundException: its problem would repeat the path, and the token is a credential
            ProblemDetail problem = ProblemDetails.of(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                    "no calendar feed at this address (the link may have been replaced or revoked)");
            problem.setInstance(URI.create("/api/calendar"));
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").body(problem);
        }
        return calendar("agenda", feeds.write("Conference Ops agenda", personal.items(delegateId.get())),
                "private, no-cache");
    }

    /**
     * Every session of a conference, cancelled ones included (STATUS:CANCELLED). Public, like a published programme
     * (ADR 020): it carries no virtual links, which only signed-in callers get.
     */
    @GetMapping("/api/conferences/{conferenceId}/programme.ics")
    ResponseEntity<String> programmeFeed(@PathVariable String conferenceId) {
        if (!programme.hasConference(conferenceId)) {
            throw new NotFoundException("conference programme", conferenceId);
        }
        List<CalendarFeeds.Item> items = programme.sessions(conferenceId).stream().map(this::item).toList();
        return calendar("programme", feeds.write(conferenceId + " programme", items), "public, max-age=60");
    }

    private CalendarFeeds.Item item(Session s) {
        Room room = programme.roomOrNull(s.roomId());
        String location = room != null ? room.name() : "Online";
        return new CalendarFeeds.Item(s.id(), s.title(), s.track(), s.startsAt(), s.endsAt(), s.timeZone(),
                location, null, s.status() == SessionStatus.CANCELLED ? "CANCELLED" : "CONFIRMED",
                s.changeVersion(), s.cancellationReason() == null ? null : "Cancelled: " + s.cancellationReason());
    }

    private static ResponseEntity<String> calendar(String name, String body, String cacheControl) {
        return ResponseEntity.ok().contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + ".ics\"")
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .body(body);
    }
}
