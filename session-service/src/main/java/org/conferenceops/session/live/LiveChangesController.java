package org.conferenceops.session.live;

import java.time.Duration;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.platform.security.Role;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent event streams for open screens. Each event says which session changed and how; the screen then
 * fetches the agenda or programme it shows. A stream starts with a {@code connected} event and ends after 30
 * minutes (clients reconnect); changes made while a client was away are not replayed, so a reconnecting screen
 * fetches the current picture first.
 */
@RestController
class LiveChangesController {

    private static final Duration OPEN_FOR = Duration.ofMinutes(30);

    private final LiveStreams streams;

    LiveChangesController(LiveStreams streams) {
        this.streams = streams;
    }

    /**
     * The caller's own agenda changes ({@code agenda-changed}): a session they booked was rescheduled, moved,
     * switched mode, changed capacity or was cancelled, or one of their bookings was confirmed, waitlisted, promoted
     * or released. The delegate is taken from the token, so nobody can watch another delegate's agenda.
     */
    @GetMapping(path = "/api/me/agenda/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasRole('DELEGATE')")
    SseEmitter agendaChanges(CurrentUser caller) {
        String delegateId = caller.delegateId();
        if (!caller.has(Role.DELEGATE) || delegateId == null) {
            throw new AccessDeniedException("a delegate token is required");
        }
        return streams.openAgenda(delegateId, OPEN_FOR);
    }

    /** A conference's programme changes ({@code programme-changed}), for organisers' screens. */
    @GetMapping(path = "/api/conferences/{conferenceId}/programme/changes",
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasRole('ORGANIZER')")
    SseEmitter programmeChanges(@PathVariable String conferenceId) {
        return streams.openProgramme(conferenceId, OPEN_FOR);
    }
}
