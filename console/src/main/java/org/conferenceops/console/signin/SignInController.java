package org.conferenceops.console.signin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.conferenceops.console.backend.ConsoleProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signing in and out. In local mode the page lets you pick a role, delegation and delegate and asks the dev
 * issuer for a token; otherwise a token from the organisation's identity provider is pasted. Either way the token
 * is verified with the same keys the services use before it is stored in the cookie.
 */
@Controller
class SignInController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConsoleProperties properties;
    private final TokenCookie cookie;
    private final JwtDecoder decoder;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SignInController(ConsoleProperties properties, TokenCookie cookie, JwtDecoder decoder) {
        this.properties = properties;
        this.cookie = cookie;
        this.decoder = decoder;
    }

    @GetMapping("/signin")
    String page(Model model, @RequestParam(required = false) @Nullable String error) {
        model.addAttribute("localMode", properties.localMode());
        model.addAttribute("error", error);
        return "signin";
    }

    /** Local mode: a token from the dev issuer for the chosen role. */
    @PostMapping("/signin")
    String local(@RequestParam String role, @RequestParam(required = false) @Nullable String delegation,
            @RequestParam(required = false) @Nullable String delegate, HttpServletResponse response) {
        if (!properties.localMode()) {
            return "redirect:/signin?error=not-local";
        }
        UriComponentsBuilder uri = UriComponentsBuilder.fromUri(Objects.requireNonNull(properties.tokenIssuerUrl()))
                .queryParam("role", role);
        if (delegation != null && !delegation.isBlank()) {
            uri.queryParam("delegation", delegation.strip());
        }
        if (delegate != null && !delegate.isBlank()) {
            uri.queryParam("delegate", delegate.strip());
        }
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri.encode().build().toUri())
                    .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() != 200) {
                return "redirect:/signin?error=refused";
            }
            JsonNode body = JSON.readTree(answer.body());
            return store(body.path("access_token").asString(""), response);
        }
        catch (java.io.IOException e) {
            return "redirect:/signin?error=issuer";
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "redirect:/signin?error=issuer";
        }
    }

    /** A token pasted from the organisation's identity provider. */
    @PostMapping("/signin/token")
    String pasted(@RequestParam String token, HttpServletResponse response) {
        return store(token.strip(), response);
    }

    @PostMapping("/signout")
    String signOut(HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.clear().toString());
        return "redirect:/signin";
    }

    /** Sends each role to its start page. */
    @GetMapping("/")
    String home(Authentication authentication) {
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if ("ROLE_ORGANIZER".equals(authority.getAuthority())) {
                return "redirect:/organiser";
            }
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if ("ROLE_DELEGATE".equals(authority.getAuthority())) {
                return "redirect:/me/agenda";
            }
        }
        return "redirect:/denied";
    }

    /** Any method: a refused POST is forwarded here as a POST. */
    @RequestMapping("/denied")
    String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "denied";
    }

    private String store(String token, HttpServletResponse response) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        }
        catch (JwtException | IllegalArgumentException e) {
            return "redirect:/signin?error=invalid";
        }
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.issue(token, jwt.getExpiresAt()).toString());
        return "redirect:/";
    }
}
