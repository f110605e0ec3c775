package org.conferenceops.console.delegate;

import java.util.Map;
import org.conferenceops.console.backend.Backend;
import org.conferenceops.console.backend.Service;
import org.conferenceops.console.backend.StreamRelay;
import org.conferenceops.platform.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The delegate's agenda. The list is a fragment; the page listens to {@code /me/agenda/stream}, which relays
 * session-service's push stream of the delegate's own agenda changes ({@code GET /api/me/agenda/changes}, with the
 * delegate's token), and fetches the fragment again when it says one of the delegate's sessions or bookings
 * changed (mode, room, time, capacity, cancellation, confirmation, promotion, release).
 */
@Controller
class AgendaPage {

    private final Backend backend;
    private final StreamRelay relay;

    AgendaPage(Backend backend, StreamRelay relay) {
        this.backend = backend;
        this.relay = relay;
    }

    @GetMapping("/me/agenda")
    String page(Model model, CurrentUser caller) {
        list(model, caller);
        return "me/agenda";
    }

    @GetMapping("/me/agenda/list")
    String list(Model model, CurrentUser caller) {
        Map<String, Object> agenda = backend.object(Service.SESSION, "/api/delegates/{id}/agenda",
                DelegatePages.delegateId(caller));
        model.addAttribute("agenda", agenda);
        return "me/agenda :: list";
    }

    @GetMapping("/me/agenda/stream")
    SseEmitter stream(CurrentUser caller) {
        DelegatePages.delegateId(caller);
        return relay.open(Service.SESSION, "/api/me/agenda/changes", Backend.currentToken(),
                "agenda-changed"::equals, "agenda-changed");
    }
}
