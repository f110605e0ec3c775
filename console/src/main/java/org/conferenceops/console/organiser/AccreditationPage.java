package org.conferenceops.console.organiser;

import java.util.Map;
import org.conferenceops.console.backend.Backend;
import org.conferenceops.console.backend.Service;
import org.conferenceops.console.web.ConferenceChoice;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The accreditation queue: pending delegates oldest first, with accredit and reject (a reason is required). */
@Controller
class AccreditationPage {

    private final Backend backend;
    private final ConferenceChoice conferences;

    AccreditationPage(Backend backend, ConferenceChoice conferences) {
        this.backend = backend;
        this.conferences = conferences;
    }

    @GetMapping("/organiser/accreditation")
    String queue(Model model, @RequestParam(defaultValue = "PENDING") String status,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String done) {
        String query = q == null || q.isBlank() ? "" : "&q={q}";
        Map<String, Object> queue = backend.object(Service.REGISTRATION,
                "/api/conferences/{c}/accreditation/queue?status={s}&size=100" + query, conferences.current(),
                status, q);
        model.addAttribute("queue", queue);
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("done", done);
        return "organiser/accreditation";
    }

    @PostMapping("/organiser/accreditation/{delegateId}/accreditation")
    String accredit(@PathVariable String delegateId) {
        backend.post(Service.REGISTRATION, "/api/delegates/{id}/accreditation", null, delegateId);
        return "redirect:/organiser/accreditation?done=accredited";
    }

    @PostMapping("/organiser/accreditation/{delegateId}/rejection")
    String reject(@PathVariable String delegateId, @RequestParam String reason) {
        backend.post(Service.REGISTRATION, "/api/delegates/{id}/rejection", Map.of("reason", reason), delegateId);
        return "redirect:/organiser/accreditation?done=rejected";
    }
}
