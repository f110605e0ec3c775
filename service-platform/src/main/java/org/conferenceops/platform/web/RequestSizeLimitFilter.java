package org.conferenceops.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.conferenceops.platform.correlation.Correlation;
import org.conferenceops.platform.problem.ProblemTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized request bodies with 413 before they cost memory or reach a handler. A declared
 * {@code Content-Length} over the limit is refused at once. A body of unknown length (chunked) is read through a
 * counting stream that throws {@link RequestTooLargeException} as soon as the limit is passed; since Spring MVC reads
 * a {@code @RequestBody} completely before it invokes the handler, the handler never runs. Handlers that stream the
 * body themselves must not act before they have read it to the end.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final DataSize maxRequestSize;
    private final DataSize maxUploadSize;
    private final List<String> uploadPaths;
    private final AntPathMatcher matcher = new AntPathMatcher();

    public RequestSizeLimitFilter(WebProperties properties) {
        this.maxRequestSize = properties.maxRequestSize();
        this.maxUploadSize = properties.maxUploadSize();
        this.uploadPaths = properties.uploadPaths();
    }

    /** The limit that applies to a request's path. */
    DataSize limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String pattern : uploadPaths) {
            if (matcher.match(pattern, path)) {
                return maxUploadSize;
            }
        }
        return maxRequestSize;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        DataSize limit = limitFor(request);
        long declared = request.getContentLengthLong();
        if (declared > limit.toBytes()) {
            reject(request, response, limit);
            return;
        }
        HttpServletRequest checked = declared < 0 ? new SizeLimitedRequest(request, limit) : request;
        try {
            chain.doFilter(checked, response);
        }
        catch (IOException | ServletException | RuntimeException ex) {
            // reached only when the overflow escaped Spring MVC, e.g. while a later filter read the body
            if (causeOf(ex) == null || response.isCommitted()) {
                throw ex;
            }
            response.reset();
            String correlationId = CorrelationIdFilter.correlationId(request);
            if (correlationId != null) {
                response.setHeader(Correlation.HEADER, correlationId);
            }
            reject(request, response, limit);
        }
    }

    private static @Nullable RequestTooLargeException causeOf(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    private static void reject(HttpServletRequest request, HttpServletResponse response, DataSize limit)
            throws IOException {
        ProblemDetails.write(request, response, tooLarge(limit), null);
    }

    static ProblemDetail tooLarge(DataSize limit) {
        return ProblemDetails.of(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Request too large",
                "The request body exceeds the limit of " + limit.toBytes() + " bytes for this endpoint");
    }

    /** A request whose body stream fails once more than the limit has been read. */
    private static final class SizeLimitedRequest extends HttpServletRequestWrapper {

        private final DataSize limit;
        private @Nullable ServletInputStream stream;

        SizeLimitedRequest(HttpServletRequest request, DataSize limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new SizeLimitedInputStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class SizeLimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final DataSize limit;
        private long count;

        SizeLimitedInputStream(ServletInputStream delegate, DataSize limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int next = delegate.read();
            if (next >= 0) {
                counted(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = delegate.read(buffer, offset, length);
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        private void counted(int bytes) throws RequestTooLargeException {
            count += bytes;
            if (count > limit.toBytes()) {
                throw new RequestTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
