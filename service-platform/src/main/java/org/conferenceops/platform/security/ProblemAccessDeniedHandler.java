package org.conferenceops.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.conferenceops.platform.problem.ProblemTypes;
import org.conferenceops.platform.web.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Answers 403 as problem+json, keeping the bearer-token {@code WWW-Authenticate} challenge. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final BearerTokenAccessDeniedHandler challenge = new BearerTokenAccessDeniedHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException accessDeniedException) throws IOException {
        challenge.handle(request, response, accessDeniedException);
        ProblemDetails.write(request, response, ProblemDetails.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                "Forbidden", "The caller's roles do not allow this request"), null);
    }
}
