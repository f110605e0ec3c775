package org.conferenceops.session.programme;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.conferenceops.platform.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** HTTP adapter of the programme: meetings, rooms, sessions and schedule changes. */
@RestController
class ProgrammeController {

    private final Programme programme;

    ProgrammeController(Programme programme) {
        this.programme = programme;
    }

    @PostMapping("/api/conferences/{conferenceId}/meetings")
    ResponseEntity<ProgrammeViews.MeetingView> createMeeting(CurrentUser caller, @PathVariable String conferenceId,
            @Valid @RequestBody ProgrammeRequests.CreateMeeting request) {
        Meeting meeting = programme.createMeeting(caller, conferenceId, request);
        return ResponseEntity.created(URI.create("/api/conferences/" + conferenceId + "/meetings/" + meeting.id()))
                .body(ProgrammeViews.MeetingView.of(meeting));
    }

    @GetMapping("/api/conferences/{conferenceId}/meetings")
    List<ProgrammeViews.MeetingView> meetings(@PathVariable String conferenceId) {
        return programme.meetings(conferenceId).stream().map(ProgrammeViews.MeetingView::of).toList();
    }

    @PostMapping("/api/conferences/{conferenceId}/rooms")
    ResponseEntity<ProgrammeViews.RoomView> createRoom(CurrentUser caller, @PathVariable String conferenceId,
            @Valid @RequestBody ProgrammeRequests.CreateRoom request) {
        Room room = programme.createRoom(caller, conferenceId, request);
        return ResponseEntity.created(URI.create("/api/conferences/" + conferenceId + "/rooms/" + room.id()))
                .body(ProgrammeViews.RoomView.of(room));
    }

    @GetMapping("/api/conferences/{conferenceId}/rooms")
    List<ProgrammeViews.RoomView> rooms(@PathVariable String conferenceId) {
        return programme.rooms(conferenceId).stream().map(ProgrammeViews.RoomView::of).toList();
    }

    @PostMapping("/api/conferences/{conferenceId}/sessions")
    ResponseEntity<SessionView> schedule(CurrentUser caller, @PathVariable String conferenceId,
            @Valid @RequestBody ProgrammeRequests.ScheduleSession request) {
        Session session = programme.schedule(caller, conferenceId, request);
        return ResponseEntity.created(URI.create("/api/sessions/" + session.id())).body(SessionView.of(session));
    }

    @GetMapping("/api/conferences/{conferenceId}/sessions")
    List<SessionView> programme(@PathVariable String conferenceId) {
        return programme.sessions(conferenceId).stream().map(SessionView::of).toList();
    }

    @GetMapping("/api/sessions/{sessionId}")
    SessionView session(@PathVariable String sessionId) {
        return SessionView.of(programme.session(sessionId));
    }

    @PostMapping("/api/sessions/{sessionId}/reschedule")
    SessionView reschedule(CurrentUser caller, @PathVariable String sessionId,
            @Valid @RequestBody ProgrammeRequests.Reschedule request) {
        return SessionView.of(programme.reschedule(caller, sessionId, request));
    }

    @PostMapping("/api/sessions/{sessionId}/move")
    SessionView move(CurrentUser caller, @PathVariable String sessionId,
            @Valid @RequestBody ProgrammeRequests.Move request) {
        return SessionView.of(programme.move(caller, sessionId, request));
    }

    @PostMapping("/api/sessions/{sessionId}/mode")
    SessionView changeMode(CurrentUser caller, @PathVariable String sessionId,
            @Valid @RequestBody ProgrammeRequests.ChangeMode request) {
        return SessionView.of(programme.changeMode(caller, sessionId, request));
    }

    @PostMapping("/api/sessions/{sessionId}/capacity")
    SessionView changeCapacity(CurrentUser caller, @PathVariable String sessionId,
            @Valid @RequestBody ProgrammeRequests.ChangeCapacity request) {
        return SessionView.of(programme.changeCapacity(caller, sessionId, request));
    }

    @PostMapping("/api/sessions/{sessionId}/cancel")
    SessionView cancel(CurrentUser caller, @PathVariable String sessionId,
            @Valid @RequestBody ProgrammeRequests.Cancel request) {
        return SessionView.of(programme.cancel(caller, sessionId, request));
    }
}
