package org.conferenceops.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.conferenceops.platform.correlation.Correlation;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs first on every request: adopts the caller's {@code X-Correlation-Id} when it is at most 128 characters of
 * {@code [A-Za-z0-9._:-]} (anything else could forge log lines or carry personal data), otherwise generates one;
 * echoes it on the response and opens a {@link Correlation} scope around the rest of the chain, so log lines,
 * problem bodies and raised events carry it.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    /**
     * MDC key of the application name. Log patterns read it from the MDC because several services may share one
     * JVM (the all-in-one local stack), where logging is configured once for all of them.
     */
    public static final String APPLICATION = "application";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String ATTRIBUTE = CorrelationIdFilter.class.getName() + ".correlationId";

    /** The correlation id of a request: the open scope's, else the one this filter assigned to the request. */
    public static @Nullable String correlationId(HttpServletRequest request) {
        String current = Correlation.correlationId();
        if (current != null) {
            return current;
        }
        return request.getAttribute(ATTRIBUTE) instanceof String assigned ? assigned : null;
    }

    private final @Nullable String applicationName;

    /** @param applicationName put into the MDC for the request's log lines; none when null */
    public CorrelationIdFilter(@Nullable String applicationName) {
        this.applicationName = applicationName;
    }

    static boolean isAcceptable(@Nullable String candidate) {
        return candidate != null && VALID.matcher(candidate).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // error and async dispatches reuse the id of the original request
        String id = request.getAttribute(ATTRIBUTE) instanceof String assigned ? assigned : null;
        if (id == null) {
            String offered = request.getHeader(Correlation.HEADER);
            id = isAcceptable(offered) ? offered : Correlation.newId();
            request.setAttribute(ATTRIBUTE, id);
        }
        if (!response.isCommitted()) {
            response.setHeader(Correlation.HEADER, id);
        }
        String previousApplication = MDC.get(APPLICATION);
        if (applicationName != null) {
            MDC.put(APPLICATION, applicationName);
        }
        try (Correlation.Scope scope = Correlation.open(id, id)) {
            chain.doFilter(request, response);
        }
        finally {
            if (previousApplication == null) {
                MDC.remove(APPLICATION);
            }
            else {
                MDC.put(APPLICATION, previousApplication);
            }
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
