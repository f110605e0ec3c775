package org.conferenceops.console.web;

import java.util.List;
import java.util.Locale;
import org.conferenceops.console.backend.ConsoleProperties;
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

    private final ConsoleProperties properties;

    PageModel(ConsoleProperties properties) {
        this.properties = properties;
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
        return properties.conference();
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
