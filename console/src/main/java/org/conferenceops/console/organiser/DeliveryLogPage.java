package org.conferenceops.console.organiser;

import org.conferenceops.console.backend.Backend;
import org.conferenceops.console.backend.Service;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The delivery log, newest first, filtered by status, channel and kind, with each notification's steps. */
@Controller
class DeliveryLogPage {

    private final Backend backend;

    DeliveryLogPage(Backend backend) {
        this.backend = backend;
    }

    @GetMapping("/organiser/deliveries")
    String log(Model model, @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "0") int page) {
        model.addAttribute("log", backend.object(Service.NOTIFICATION,
                "/api/notifications?status={s}&channel={c}&kind={k}&page={p}&size=50", status, channel, kind,
                Math.max(page, 0)));
        model.addAttribute("status", status);
        model.addAttribute("channel", channel);
        model.addAttribute("kind", kind);
        model.addAttribute("page", Math.max(page, 0));
        return "organiser/deliveries";
    }
}
