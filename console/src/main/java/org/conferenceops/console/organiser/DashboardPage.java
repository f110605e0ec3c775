package org.conferenceops.console.organiser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conferenceops.console.backend.Backend;
import org.conferenceops.console.backend.BackendException;
import org.conferenceops.console.backend.Service;
import org.conferenceops.console.web.ConferenceChoice;
import org.conferenceops.console.backend.StreamRelay;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The organisers' live picture. The page is a frame; its panels are fragments that htmx refreshes: the counts
 * every few seconds, the capability gap whenever pledge-service's gap stream announces a change.
 */
@Controller
class DashboardPage {

    private static final int SESSIONS_SHOWN = 12;

    private final Backend backend;
    private final ConferenceChoice conferences;
    private final StreamRelay relay;

    DashboardPage(Backend backend, ConferenceChoice conferences, StreamRelay relay) {
        this.backend = backend;
        this.conferences = conferences;
        this.relay = relay;
    }

    @GetMapping("/organiser")
    String dashboard(Model model) {
        counts(model);
        gap(model);
        return "organiser/dashboard";
    }

    @GetMapping("/organiser/dashboard/counts")
    String counts(Model model) {
        String conference = conferences.current();
        model.addAttribute("accreditation", optional(() -> backend.object(Service.REGISTRATION,
                "/api/conferences/{c}/accreditation/queue?size=1", conference).get("counts")));
        // no day: registration-service takes today in the conference's own time zone
        Object checkins = optional(() -> backend.object(Service.REGISTRATION,
                "/api/conferences/{c}/checkins/counts?resolution=minute", conference));
        model.addAttribute("checkins", checkins);
        model.addAttribute("minutes", checkins instanceof Map<?, ?> counts ? MinuteRows.of(counts.get("byMinute"))
                : MinuteRows.of(null));
        model.addAttribute("rooms", optional(this::occupancy));
        model.addAttribute("tally", optional(() -> backend.object(Service.PLEDGE, "/api/conferences/{c}/tally",
                conference)));
        model.addAttribute("funnel", optional(this::funnel));
        model.addAttribute("failures", optional(() -> backend.object(Service.NOTIFICATION,
                "/api/notifications?status=FAILED&size=5").get("items")));
        model.addAttribute("pipelines", pipelines());
        return "organiser/dashboard :: counts";
    }

    @GetMapping("/organiser/dashboard/gap")
    String gap(Model model) {
        model.addAttribute("gap", optional(() -> backend.list(Service.PLEDGE, "/api/capability-gap")));
        return "organiser/dashboard :: gap";
    }

    /** Tells the page when the gap moved, relaying pledge-service's stream with the organiser's token. */
    @GetMapping("/organiser/dashboard/stream")
    SseEmitter gapStream() {
        return relay.open(Service.PLEDGE, "/api/capability-gap/stream", Backend.currentToken(), event -> true,
                "gap-changed");
    }

    private List<Map<String, Object>> occupancy() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> session : backend.list(Service.SESSION, "/api/conferences/{c}/sessions",
                conferences.current())) {
            if (rows.size() == SESSIONS_SHOWN || "CANCELLED".equals(session.get("status"))) {
                continue;
            }
            int confirmed = 0;
            int waitlisted = 0;
            for (Map<String, Object> booking : backend.list(Service.SESSION, "/api/sessions/{id}/bookings",
                    session.get("id"))) {
                confirmed += "CONFIRMED".equals(booking.get("status")) ? 1 : 0;
                waitlisted += "WAITLISTED".equals(booking.get("status")) ? 1 : 0;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("title", session.get("title"));
            row.put("mode", session.get("mode"));
            row.put("capacity", session.get("capacity"));
            row.put("confirmed", confirmed);
            row.put("waitlisted", waitlisted);
            rows.add(row);
        }
        return rows;
    }

    /**
     * Notifications per delivery status, in the order a message moves. A status the running notification-service
     * does not know yet (it answers 400 or 422, e.g. during a rolling upgrade) is left out rather than failing the
     * panel.
     */
    private Map<String, Long> funnel() {
        Map<String, Long> funnel = new LinkedHashMap<>();
        for (String status : List.of("QUEUED", "SENDING", "DEFERRED", "SENT", "FAILED", "BOUNCED")) {
            try {
                Object total = backend.object(Service.NOTIFICATION, "/api/notifications?status={s}&size=1", status)
                        .get("total");
                funnel.put(status, total instanceof Number n ? n.longValue() : 0L);
            }
            catch (BackendException e) {
                if (e.status() != 400 && e.status() != 422) {
                    throw e;
                }
            }
        }
        return funnel;
    }

    /** Outbox backlog and consumer lag per service, from each service's public Prometheus scrape. */
    private List<PrometheusFigures> pipelines() {
        List<PrometheusFigures> figures = new ArrayList<>();
        for (Service service : Service.values()) {
            try {
                figures.add(PrometheusFigures.parse(service.name().toLowerCase(java.util.Locale.ROOT),
                        backend.publicText(service, "/actuator/prometheus")));
            }
            catch (BackendException e) {
                figures.add(PrometheusFigures.unavailable(service.name().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        return figures;
    }

    /** A panel whose service is down or refuses shows "unavailable" instead of failing the whole page. */
    private static Object optional(java.util.function.Supplier<Object> panel) {
        try {
            Object value = panel.get();
            return value != null ? value : Unavailable.INSTANCE;
        }
        catch (BackendException e) {
            return Unavailable.INSTANCE;
        }
    }

    /** Marks a panel the console could not fill. */
    enum Unavailable {
        INSTANCE
    }
}
