package org.conferenceops.console.delegate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conferenceops.console.backend.Backend;
import org.conferenceops.console.backend.BackendException;
import org.conferenceops.console.backend.Service;
import org.conferenceops.console.backend.StreamRelay;
import org.conferenceops.console.web.Languages;
import org.conferenceops.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The delegate's badge, live notifications feed and delivery preferences; always the caller's own (from the token). */
@Controller
class DelegatePages {

    static final List<String> CHANNELS = List.of("EMAIL", "FEED", "SMS");

    private final Backend backend;
    private final StreamRelay relay;

    DelegatePages(Backend backend, StreamRelay relay) {
        this.backend = backend;
        this.relay = relay;
    }

    @GetMapping("/me/badge")
    String badge(Model model, CurrentUser caller) {
        String id = delegateId(caller);
        model.addAttribute("delegate", backend.object(Service.REGISTRATION, "/api/delegates/{id}", id));
        try {
            model.addAttribute("badge", backend.object(Service.REGISTRATION, "/api/delegates/{id}/badge", id));
        }
        catch (BackendException e) {
            if (e.status() != 404) {
                throw e;
            }
            model.addAttribute("badge", null);
        }
        return "me/badge";
    }

    @GetMapping("/me/badge.png")
    ResponseEntity<byte[]> badgeImage(CurrentUser caller) {
        byte[] png = backend.bytes(Service.REGISTRATION, "/api/delegates/{id}/badge.png", delegateId(caller));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
    }

    @GetMapping("/me/feed")
    String feed(Model model, CurrentUser caller) {
        feedList(model, caller);
        return "me/feed";
    }

    @GetMapping("/me/feed/list")
    String feedList(Model model, CurrentUser caller) {
        model.addAttribute("feed", backend.object(Service.NOTIFICATION, "/api/delegates/{id}/notifications?size=50",
                delegateId(caller)));
        return "me/feed :: list";
    }

    /**
     * Tells the open feed page when the delegate got a notification, relaying notification-service's
     * {@code /api/me/feed} stream with the delegate's own token; the page then fetches the rendered list.
     */
    @GetMapping("/me/feed/stream")
    SseEmitter feedStream(CurrentUser caller) {
        delegateId(caller);
        return relay.open(Service.NOTIFICATION, "/api/me/feed", Backend.currentToken(), "notification"::equals,
                "feed-changed");
    }

    @GetMapping("/me/preferences")
    String preferences(Model model, CurrentUser caller, @RequestParam(required = false) @Nullable String done) {
        model.addAttribute("preferences", backend.object(Service.NOTIFICATION, "/api/delegates/{id}/preferences",
                delegateId(caller)));
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("done", done);
        return "me/preferences";
    }

    @PostMapping("/me/preferences")
    String savePreferences(Model model, CurrentUser caller,
            @RequestParam(required = false) @Nullable List<String> channels,
            @RequestParam(required = false) @Nullable String language,
            @RequestParam(required = false) @Nullable String timeZone,
            @RequestParam(required = false) @Nullable String quietFrom,
            @RequestParam(required = false) @Nullable String quietTo,
            @RequestParam(required = false) @Nullable String phone) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("channels", channels == null ? List.of() : new ArrayList<>(channels));
        request.put("language", blankToNull(language) != null && Languages.CODES.contains(language) ? language : null);
        request.put("timeZone", blankToNull(timeZone));
        if (blankToNull(quietFrom) != null && blankToNull(quietTo) != null) {
            request.put("quietHours", Map.of("from", quietFrom, "to", quietTo));
        }
        request.put("phone", blankToNull(phone));
        try {
            backend.put(Service.NOTIFICATION, "/api/delegates/{id}/preferences", request, delegateId(caller));
        }
        catch (BackendException e) {
            if (e.status() == 401) {
                throw e;
            }
            model.addAttribute("refusal", e.getMessage());
            return preferences(model, caller, null);
        }
        return "redirect:/me/preferences?done=saved";
    }

    /** The caller's delegate id; a delegate token without one carries no DELEGATE role, so this is a safeguard. */
    static String delegateId(CurrentUser caller) {
        String id = caller.delegateId();
        if (id == null) {
            throw new AccessDeniedException("a delegate token is required");
        }
        return id;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
