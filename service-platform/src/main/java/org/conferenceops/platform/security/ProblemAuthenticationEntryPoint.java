package org.conferenceops.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.conferenceops.platform.problem.ProblemTypes;
import org.conferenceops.platform.web.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers 401 as problem+json. The bearer-token entry point sets the status and the {@code WWW-Authenticate: Bearer}
 * challenge (with the RFC 6750 error for a bad token); the body never repeats the token or why it failed in detail.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        challenge.commence(request, response, authException);
        String detail = authException instanceof OAuth2AuthenticationException
                ? "The bearer token is invalid or has expired"
                : "A bearer token is required";
        ProblemDetails.write(request, response,
                ProblemDetails.of(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail), null);
    }
}
