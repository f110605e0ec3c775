package org.conferenceops.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.conferenceops.platform.problem.ProblemTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds, completes and writes problem details the same way everywhere: from the MVC advice, from servlet filters
 * that answer before any handler runs, and from the security entry points.
 */
public final class ProblemDetails {

    /** Name of the extension member carrying the correlation id. */
    public static final String CORRELATION_ID = "correlationId";
    /** Name of the extension member carrying field-level errors. */
    public static final String ERRORS = "errors";

    private static final URI BLANK = URI.create("about:blank");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemDetails() {
    }

    /** A problem with a Conference Ops type. */
    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(slug));
        problem.setTitle(title);
        return problem;
    }

    /**
     * Fills in what every problem carries: a Conference Ops type when none was chosen, a detail (the title when
     * there is nothing more specific to say), the request path as {@code instance}, and the correlation id.
     */
    public static ProblemDetail complete(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getType() == null || BLANK.equals(problem.getType())) {
            problem.setType(ProblemTypes.of(ProblemTypes.slugFor(problem.getStatus())));
        }
        if (problem.getDetail() == null) {
            problem.setDetail(problem.getTitle());
        }
        if (problem.getInstance() == null) {
            problem.setInstance(pathOf(request));
        }
        if (problem.getProperties() == null || !problem.getProperties().containsKey(CORRELATION_ID)) {
            String correlationId = CorrelationIdFilter.correlationId(request);
            if (correlationId != null) {
                problem.setProperty(CORRELATION_ID, correlationId);
            }
        }
        return problem;
    }

    /**
     * Answers with a completed problem outside Spring MVC (filters, security). Does nothing once the response is
     * committed, since then the status line has already gone out.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
            @Nullable Duration retryAfter) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        complete(problem, request);
        response.setStatus(problem.getStatus());
        if (retryAfter != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds(retryAfter));
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), asMap(problem));
    }

    /** The {@code Retry-After} value in whole seconds, at least 1. */
    public static String retryAfterSeconds(Duration retryAfter) {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Long.toString(Math.max(1, seconds));
    }

    private static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    private static @Nullable URI pathOf(HttpServletRequest request) {
        Object forwarded = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = forwarded instanceof String original ? original : request.getRequestURI();
        if (path == null) {
            return null;
        }
        try {
            return new URI(null, null, path, null);
        }
        catch (URISyntaxException ex) {
            return null;
        }
    }
}
