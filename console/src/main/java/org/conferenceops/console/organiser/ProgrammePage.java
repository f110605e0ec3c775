package org.conferenceops.console.organiser;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.conferenceops.console.backend.Backend;
import org.conferenceops.console.backend.Service;
import org.conferenceops.console.backend.StreamRelay;
import org.conferenceops.console.web.ConferenceChoice;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The programme with the three changes organisers make under pressure — switch to virtual, move room, cancel.
 * Each first shows who will be told (confirmed and waitlisted bookings, from session-service) and asks to confirm.
 * The list follows changes made elsewhere live, through session-service's programme stream.
 */
@Controller
class ProgrammePage {

    /** The changes offered, as they appear in URLs. */
    static final List<String> ACTIONS = List.of("virtual", "move", "cancel");

    private final Backend backend;
    private final ConferenceChoice conferences;
    private final StreamRelay relay;

    ProgrammePage(Backend backend, ConferenceChoice conferences, StreamRelay relay) {
        this.backend = backend;
        this.conferences = conferences;
        this.relay = relay;
    }

    @GetMapping("/organiser/programme")
    String programme(Model model, @RequestParam(required = false) @Nullable String done) {
        list(model);
        model.addAttribute("done", done);
        return "organiser/programme";
    }

    @GetMapping("/organiser/programme/list")
    String list(Model model) {
        model.addAttribute("sessions", backend.list(Service.SESSION, "/api/conferences/{c}/sessions",
                conferences.current()));
        model.addAttribute("rooms", roomNames());
        return "organiser/programme :: list";
    }

    /**
     * Tells the open programme page when a session of the conference changed (by any organiser, on any replica),
     * relaying session-service's programme stream with the organiser's token; the page fetches the list again.
     */
    @GetMapping("/organiser/programme/stream")
    SseEmitter stream() {
        return relay.open(Service.SESSION, "/api/conferences/" + conferences.current() + "/programme/changes",
                Backend.currentToken(), "programme-changed"::equals, "programme-changed");
    }

    @GetMapping("/organiser/programme/{sessionId}/change")
    String confirm(Model model, @PathVariable String sessionId, @RequestParam String action) {
        if (!ACTIONS.contains(action)) {
            return "redirect:/organiser/programme";
        }
        Map<String, Object> session = backend.object(Service.SESSION, "/api/sessions/{id}", sessionId);
        Audience audience = audience(sessionId);
        model.addAttribute("target", session);
        model.addAttribute("action", action);
        model.addAttribute("confirmed", audience.confirmed());
        model.addAttribute("waitlisted", audience.waitlisted());
        model.addAttribute("rooms", backend.list(Service.SESSION, "/api/conferences/{c}/rooms", conferences.current()));
        model.addAttribute("roomNames", roomNames());
        return "organiser/change";
    }

    @PostMapping("/organiser/programme/{sessionId}/virtual")
    String switchToVirtual(@PathVariable String sessionId, @RequestParam(required = false) @Nullable String virtualLink) {
        Map<String, Object> body = new HashMap<>();
        body.put("mode", "VIRTUAL");
        body.put("virtualLink", virtualLink == null || virtualLink.isBlank() ? null : virtualLink.strip());
        backend.post(Service.SESSION, "/api/sessions/{id}/mode", body, sessionId);
        return "redirect:/organiser/programme?done=virtual";
    }

    @PostMapping("/organiser/programme/{sessionId}/move")
    String move(@PathVariable String sessionId, @RequestParam String roomId) {
        backend.post(Service.SESSION, "/api/sessions/{id}/move", Map.of("roomId", roomId), sessionId);
        return "redirect:/organiser/programme?done=move";
    }

    @PostMapping("/organiser/programme/{sessionId}/cancel")
    String cancel(@PathVariable String sessionId, @RequestParam String reason) {
        backend.post(Service.SESSION, "/api/sessions/{id}/cancel", Map.of("reason", reason), sessionId);
        return "redirect:/organiser/programme?done=cancel";
    }

    /** Who a change reaches: the session's active bookings. */
    Audience audience(String sessionId) {
        int confirmed = 0;
        int waitlisted = 0;
        for (Map<String, Object> booking : backend.list(Service.SESSION, "/api/sessions/{id}/bookings", sessionId)) {
            Object status = booking.get("status");
            if ("CONFIRMED".equals(status)) {
                confirmed++;
            }
            else if ("WAITLISTED".equals(status)) {
                waitlisted++;
            }
        }
        return new Audience(confirmed, waitlisted);
    }

    private Map<String, String> roomNames() {
        Map<String, String> names = new HashMap<>();
        for (Map<String, Object> room : backend.list(Service.SESSION, "/api/conferences/{c}/rooms",
                conferences.current())) {
            names.put(String.valueOf(room.get("id")), String.valueOf(room.get("name")));
        }
        return names;
    }

    /** Confirmed and waitlisted bookings of a session. */
    record Audience(int confirmed, int waitlisted) {
    }
}
