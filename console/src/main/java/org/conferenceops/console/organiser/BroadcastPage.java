package org.conferenceops.console.organiser;

import java.util.LinkedHashMap;
import java.util.Map;
import org.conferenceops.console.backend.Backend;
import org.conferenceops.console.backend.BackendException;
import org.conferenceops.console.backend.Service;
import org.conferenceops.console.web.ConferenceChoice;
import org.conferenceops.console.web.Languages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A message to a filtered audience, in as many of the six languages as the organiser writes (English required). */
@Controller
class BroadcastPage {

    private final Backend backend;
    private final ConferenceChoice conferences;

    BroadcastPage(Backend backend, ConferenceChoice conferences) {
        this.backend = backend;
        this.conferences = conferences;
    }

    @GetMapping("/organiser/broadcast")
    String form() {
        return "organiser/broadcast";
    }

    @PostMapping("/organiser/broadcast")
    String send(Model model, @RequestParam Map<String, String> form) {
        Map<String, String> audience = new LinkedHashMap<>();
        for (String field : new String[] { "delegationId", "category", "status" }) {
            String value = form.getOrDefault(field, "").strip();
            if (!value.isEmpty()) {
                audience.put(field, value);
            }
        }
        Map<String, String> subject = new LinkedHashMap<>();
        Map<String, String> body = new LinkedHashMap<>();
        for (String code : Languages.CODES) {
            String s = form.getOrDefault("subject_" + code, "").strip();
            String b = form.getOrDefault("body_" + code, "").strip();
            if (!s.isEmpty() && !b.isEmpty()) {
                subject.put(code, s);
                body.put(code, b);
            }
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("audience", audience);
        request.put("subject", subject);
        request.put("body", body);
        request.put("urgent", form.containsKey("urgent"));
        try {
            model.addAttribute("accepted", backend.post(Service.NOTIFICATION, "/api/conferences/{c}/broadcasts", request,
                    conferences.current()));
        }
        catch (BackendException e) {
            if (e.status() == 401) {
                throw e;
            }
            model.addAttribute("refusal", e.getMessage());
        }
        model.addAttribute("form", form);
        return "organiser/broadcast";
    }
}
