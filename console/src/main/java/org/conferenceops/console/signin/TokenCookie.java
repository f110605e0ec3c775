package org.conferenceops.console.signin;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.conferenceops.console.backend.ConsoleProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.stereotype.Component;

/**
 * The signed-in user's access token lives in one cookie: HttpOnly (no script can read it), SameSite=Strict (no
 * other site can make the browser send it), Secure behind HTTPS, and as long-lived as the token itself. The
 * console reads it as the bearer token of every request, except on pages anyone may open, where an expired token
 * must not get in the way of signing in again.
 */
@Component
public class TokenCookie implements BearerTokenResolver {

    /** The cookie's name. */
    public static final String NAME = "conference_ops_token";

    private static final List<String> OPEN_PREFIXES = List.of("/signin", "/css/", "/webjars/", "/actuator/",
            "/favicon.ico", "/error", "/v3/api-docs", "/swagger-ui");

    private final ConsoleProperties properties;

    TokenCookie(ConsoleProperties properties) {
        this.properties = properties;
    }

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (OPEN_PREFIXES.stream().anyMatch(path::startsWith) || request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (NAME.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** The {@code Set-Cookie} value that stores a token until it expires. */
    ResponseCookie issue(String token, @Nullable Instant expiresAt) {
        Duration lifetime = expiresAt == null ? Duration.ofHours(8) : Duration.between(Instant.now(), expiresAt);
        return base(token).maxAge(lifetime.isNegative() ? Duration.ZERO : lifetime).build();
    }

    /** The {@code Set-Cookie} value that removes the token. */
    ResponseCookie clear() {
        return base("").maxAge(Duration.ZERO).build();
    }

    private ResponseCookie.ResponseCookieBuilder base(String value) {
        return ResponseCookie.from(NAME, value).httpOnly(true).sameSite("Strict").secure(properties.secureCookie())
                .path("/");
    }
}
