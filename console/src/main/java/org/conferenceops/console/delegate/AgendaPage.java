package org.conferenceops.console.delegate;

import java.util.Map;
import org.conferenceops.console.backend.Backend;
import org.conferenceops.console.backend.Service;
import org.conferenceops.platform.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The delegate's agenda. The list is a fragment; the page listens to {@code /me/agenda/stream} and fetches the
 * fragment again when the console reports that one of the delegate's sessions changed (mode, room, time, status).
 */
@Controller
class AgendaPage {

    private final Backend backend;
    private final AgendaWatch watch;

    AgendaPage(Backend backend, AgendaWatch watch) {
        this.backend = backend;
        this.watch = watch;
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
        return watch.open(Backend.currentToken(), DelegatePages.delegateId(caller));
    }
}
