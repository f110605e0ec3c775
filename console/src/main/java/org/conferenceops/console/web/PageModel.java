package org.conferenceops.console.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.conferenceops.console.backend.Backend;
import org.conferenceops.console.backend.BackendException;
import org.conferenceops.console.backend.Service;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.platform.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's chrome needs: language and direction, who is signed in and what they may open. */
@ControllerAdvice
class PageModel {

    private final ConferenceChoice conferences;
    private final Backend backend;

    PageModel(ConferenceChoice conferences, Backend backend) {
        this.conferences = conferences;
        this.backend = backend;
    }

    @ModelAttribute("lang")
    String lang(Locale locale) {
        return Languages.code(locale);
    }

    @ModelAttribute("dir")
    String dir(Locale locale) {
        return Languages.rightToLeft(Languages.code(locale)) ? "rtl" : "ltr";
    }

    @ModelAttribute("languages")
    List<String> languages() {
        return Languages.CODES;
    }

    @ModelAttribute("conference")
    String conference() {
        return conferences.current();
    }

    /**
     * The editions an organiser may switch between, for full pages only (not for the fragments htmx refreshes);
     * empty when registration-service cannot be reached, and the page then shows no switch.
     */
    @ModelAttribute("conferences")
    List<Map<String, Object>> conferences(HttpServletRequest request) {
        SignedIn user = user();
        if (user == null || !user.organiser() || request.getHeader("HX-Request") != null) {
            return List.of();
        }
        try {
            return backend.list(Service.REGISTRATION, "/api/conferences");
        }
        catch (BackendException e) {
            return List.of();
        }
    }

    @ModelAttribute("user")
    @Nullable SignedIn user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        try {
            CurrentUser user = CurrentUser.from(authentication);
            return new SignedIn(user.subject(), user.isOrganizer(), user.has(Role.DELEGATE), user.delegationId(),
                    user.delegateId());
        }
        catch (RuntimeException notSignedIn) {
            return null;
        }
    }

    /** The signed-in user as the page chrome shows them. */
    record SignedIn(String subject, boolean organiser, boolean delegate, @Nullable String delegationId,
            @Nullable String delegateId) {
    }
}
