package org.conferenceops.console.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.conferenceops.console.backend.ConsoleProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Which conference edition the organiser pages show: chosen with {@code ?conference=} (remembered in a cookie, like
 * the language), otherwise {@code conference-ops.console.conference}. Only the id is kept; the services still
 * decide what the organiser may see of it.
 */
@Component
public class ConferenceChoice implements HandlerInterceptor, WebMvcConfigurer {

    static final String COOKIE = "console_conference";
    private static final String ATTRIBUTE = ConferenceChoice.class.getName();
    /** registration-service's edition ids. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,40}");

    private final ConsoleProperties properties;

    ConferenceChoice(ConsoleProperties properties) {
        this.properties = properties;
    }

    /** The conference of the current request. */
    public String current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object chosen = request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return chosen instanceof String id ? id : properties.conference();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String asked = request.getParameter("conference");
        if (valid(asked)) {
            request.setAttribute(ATTRIBUTE, asked);
            response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, asked).path("/").httpOnly(true)
                    .sameSite("Strict").secure(properties.secureCookie()).maxAge(java.time.Duration.ofDays(30))
                    .build().toString());
            return true;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName()) && valid(cookie.getValue())) {
                    request.setAttribute(ATTRIBUTE, cookie.getValue());
                }
            }
        }
        return true;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    private static boolean valid(@Nullable String id) {
        return id != null && ID.matcher(id).matches();
    }
}
