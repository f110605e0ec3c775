package org.conferenceops.platform.web;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.ProblemException;
import org.conferenceops.platform.problem.ProblemTypes;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoServerUnavailableException;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Renders every exception a controller lets through as RFC 9457 {@code application/problem+json}: a
 * {@code urn:conference-ops:problem:<slug>} type, title, status, detail, the request path as instance, the
 * correlation id, and for input errors an {@code errors} array of {@link FieldViolation}s. Client mistakes get a 4xx
 * that says what to fix, a storage outage a 503 with {@code Retry-After} (nothing was stored), and only a genuine
 * bug a 500, logged once with its stack trace. Ordered last, so a service's own advice wins where it overlaps.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /** How long clients should wait before retrying when storage is unreachable. */
    static final Duration STORAGE_RETRY_AFTER = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> handleProblem(ProblemException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetails.of(ex.status(), ex.slug(), ex.title(), ex.detail());
        ex.properties().forEach(problem::setProperty);
        return respond(ex, problem, ex.retryAfter(), request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> handleOptimisticLocking(OptimisticLockingFailureException ex, WebRequest request) {
        return respond(ex, ProblemDetails.of(HttpStatus.CONFLICT, ProblemTypes.CONCURRENT_MODIFICATION,
                "Changed concurrently", "The resource was changed concurrently, retry"), null, request);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> handleDuplicateKey(DuplicateKeyException ex, WebRequest request) {
        return respond(ex, ProblemDetails.of(HttpStatus.CONFLICT, ProblemTypes.DUPLICATE, "Already exists",
                "A resource with the same identity already exists"), null, request);
    }

    /**
     * Outages and overload: storage unreachable, timed out, its connection pool cleared, a server-side time limit,
     * an interrupted wait, a transient or recoverable data-access failure, a rejected task. Spring Data translates
     * only some driver failures to these types and wraps the rest in {@code UncategorizedMongoDbException}, whose
     * cause {@link #handleUnexpected} inspects for the same types.
     */
    @ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
            RecoverableDataAccessException.class, QueryTimeoutException.class, MongoTimeoutException.class,
            MongoSocketException.class, MongoConnectionPoolClearedException.class,
            MongoExecutionTimeoutException.class, MongoInterruptedException.class,
            MongoServerUnavailableException.class, RejectedExecutionException.class })
    ResponseEntity<Object> handleStorageUnavailable(Exception ex, WebRequest request) {
        // an outage, not a bug: one line without the stack trace, and never a 500 (rule 6)
        log.warn("Storage unavailable or overloaded, answering 503: {}", ex.getClass().getName());
        return respond(ex, ProblemDetails.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                "Service unavailable", "Storage is temporarily unavailable or overloaded, retry later (a retry"
                        + " with the same Idempotency-Key never creates anything twice)"),
                STORAGE_RETRY_AFTER, request);
    }

    private static final List<Class<? extends Throwable>> OVERLOAD = List.of(MongoTimeoutException.class,
            MongoSocketException.class, MongoConnectionPoolClearedException.class,
            MongoExecutionTimeoutException.class, MongoInterruptedException.class,
            MongoServerUnavailableException.class, RejectedExecutionException.class,
            DataAccessResourceFailureException.class, TransientDataAccessException.class,
            RecoverableDataAccessException.class);

    private static boolean causedByOverload(Throwable ex) {
        for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            for (Class<? extends Throwable> type : OVERLOAD) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }

    @ExceptionHandler(RequestTooLargeException.class)
    ResponseEntity<Object> handleRequestTooLarge(RequestTooLargeException ex, WebRequest request) {
        return respond(ex, RequestSizeLimitFilter.tooLarge(ex.limit()), null, request);
    }

    /**
     * Hands authentication and authorisation failures (e.g. from {@code @PreAuthorize}) back to Spring Security, so
     * they are answered 401 or 403 by its entry point and access-denied handler rather than as a 500 here.
     */
    @ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
    void rethrowSecurityException(RuntimeException ex) {
        throw ex;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        if (causedByOverload(ex)) {
            return handleStorageUnavailable(ex, request);
        }
        HttpServletRequest servletRequest = servletRequest(request);
        String correlationId = servletRequest == null ? null : CorrelationIdFilter.correlationId(servletRequest);
        // method and path only: bodies and query strings may hold personal data (rule 8)
        log.error("Unexpected failure answering {} {} (correlation id {})",
                servletRequest == null ? "?" : servletRequest.getMethod(),
                servletRequest == null ? "?" : servletRequest.getRequestURI(), correlationId, ex);
        String detail = correlationId == null ? "The request failed unexpectedly"
                : "The request failed unexpectedly; report correlation id " + correlationId;
        return respond(ex, ProblemDetails.of(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR,
                "Internal error", detail), null, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(violation(error.getField(), error));
        }
        for (ObjectError error : ex.getBindingResult().getGlobalErrors()) {
            errors.add(violation(error.getObjectName(), error));
        }
        return handleExceptionInternal(ex, invalid(status, errors), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.isForReturnValue()) {
            return super.handleHandlerMethodValidationException(ex, headers, status, request);
        }
        List<FieldViolation> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors parameterErrors) {
                for (FieldError error : parameterErrors.getFieldErrors()) {
                    errors.add(violation(error.getField(), error));
                }
                for (ObjectError error : parameterErrors.getGlobalErrors()) {
                    errors.add(violation(parameterName(result.getMethodParameter()), error));
                }
            }
            else {
                String field = parameterName(result.getMethodParameter()) + containerSuffix(result);
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.add(violation(field, error));
                }
            }
        }
        for (MessageSourceResolvable error : ex.getCrossParameterValidationResults()) {
            errors.add(violation(ex.getMethod().getName(), error));
        }
        return handleExceptionInternal(ex, invalid(status, errors), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestTooLargeException tooLarge = find(ex, RequestTooLargeException.class);
        if (tooLarge != null) {
            return handleRequestTooLarge(tooLarge, request);
        }
        List<FieldViolation> errors = new ArrayList<>();
        String detail = describeUnreadable(ex, errors);
        ProblemDetail problem = ProblemDetails.of(status, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                detail);
        if (!errors.isEmpty()) {
            problem.setProperty(ProblemDetails.ERRORS, errors);
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : String.valueOf(ex.getPropertyName());
        String message = "must be " + describeType(ex.getRequiredType());
        ProblemDetail problem = ProblemDetails.of(status, ProblemTypes.INVALID_PARAMETER, "Invalid parameter",
                "Parameter '" + name + "' " + message);
        problem.setProperty(ProblemDetails.ERRORS, List.of(new FieldViolation(name, "type-mismatch", message)));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getParameterName();
        ProblemDetail problem = ProblemDetails.of(status, ProblemTypes.MISSING_PARAMETER, "Missing parameter",
                "Parameter '" + name + "' is required");
        problem.setProperty(ProblemDetails.ERRORS, List.of(new FieldViolation(name, "required", "is required")));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getMaxUploadSize() > 0
                ? "The upload exceeds the limit of " + ex.getMaxUploadSize() + " bytes"
                : "The upload exceeds the size limit";
        return handleExceptionInternal(ex, ProblemDetails.of(HttpStatus.CONTENT_TOO_LARGE,
                ProblemTypes.PAYLOAD_TOO_LARGE, "Request too large", detail), headers, HttpStatus.CONTENT_TOO_LARGE,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, ProblemDetails.of(status, ProblemTypes.NOT_FOUND, "Not found",
                "Nothing is found at this address"), headers, status, request);
    }

    /** Every answer, Spring's own included, passes here to get its type, instance, correlation id and media type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatus(statusCode);
        HttpServletRequest servletRequest = servletRequest(request);
        if (servletRequest != null) {
            ProblemDetails.complete(problem, servletRequest);
        }
        // the given headers may be read-only (ErrorResponse defaults to HttpHeaders.EMPTY)
        HttpHeaders answer = new HttpHeaders();
        answer.putAll(headers);
        answer.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return super.handleExceptionInternal(ex, problem, answer, statusCode, request);
    }

    private ResponseEntity<Object> respond(Exception ex, ProblemDetail problem, @Nullable Duration retryAfter,
            WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (retryAfter != null) {
            headers.set(HttpHeaders.RETRY_AFTER, ProblemDetails.retryAfterSeconds(retryAfter));
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private static ProblemDetail invalid(HttpStatusCode status, List<FieldViolation> errors) {
        String fields = errors.stream().map(FieldViolation::field).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = ProblemDetails.of(status, ProblemTypes.VALIDATION_FAILED, "Invalid request",
                errors.isEmpty() ? "The request is not valid" : "The request is not valid: check " + fields);
        problem.setProperty(ProblemDetails.ERRORS, errors);
        return problem;
    }

    private static FieldViolation violation(String field, MessageSourceResolvable error) {
        String message = error.getDefaultMessage();
        return new FieldViolation(field, code(error), message == null ? "is not valid" : message);
    }

    /** The constraint's short code (the last and most general one), e.g. {@code NotBlank} becomes not-blank. */
    private static String code(MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        if (codes == null || codes.length == 0) {
            return "invalid";
        }
        String shortest = codes[codes.length - 1];
        return shortest.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
        if (pathVariable != null && !pathVariable.name().isEmpty()) {
            return pathVariable.name();
        }
        RequestHeader requestHeader = parameter.getParameterAnnotation(RequestHeader.class);
        if (requestHeader != null && !requestHeader.name().isEmpty()) {
            return requestHeader.name();
        }
        String name = parameter.getParameterName();
        return name == null ? "arg" + parameter.getParameterIndex() : name;
    }

    private static String containerSuffix(ParameterValidationResult result) {
        if (result.getContainerIndex() != null) {
            return "[" + result.getContainerIndex() + "]";
        }
        if (result.getContainerKey() != null) {
            return "[" + result.getContainerKey() + "]";
        }
        return "";
    }

    /** Explains why a body could not be read without echoing any value from it (it may be personal data). */
    private static String describeUnreadable(HttpMessageNotReadableException ex, List<FieldViolation> errors) {
        JacksonException jackson = find(ex, JacksonException.class);
        if (jackson == null) {
            String message = ex.getMessage();
            return message != null && message.startsWith("Required request body is missing")
                    ? "The request body is missing" : "The request body could not be read";
        }
        String field = pathOf(jackson);
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            String name = field.isEmpty() ? unknown.getPropertyName() : field;
            errors.add(new FieldViolation(name, "unknown-field", "is not a known field"));
            return "Field '" + name + "' is not a known field";
        }
        if (jackson instanceof MismatchedInputException mismatch && !field.isEmpty()) {
            String message = "must be " + describeType(mismatch.getTargetType());
            errors.add(new FieldViolation(field, "invalid-format", message));
            return "Field '" + field + "' " + message;
        }
        if (jackson instanceof ValueInstantiationException && !field.isEmpty()) {
            Throwable cause = jackson.getCause();
            String message = cause instanceof IllegalArgumentException && cause.getMessage() != null
                    ? cause.getMessage() : "is not valid";
            errors.add(new FieldViolation(field, "invalid-value", message));
            return "Field '" + field + "' " + message;
        }
        if (jackson instanceof StreamReadException) {
            TokenStreamLocation location = jackson.getLocation();
            return location == null || location.getLineNr() < 0 ? "The request body is not well-formed JSON"
                    : "The request body is not well-formed JSON (line " + location.getLineNr() + ", column "
                            + location.getColumnNr() + ")";
        }
        return field.isEmpty() ? "The request body does not have the expected structure"
                : "Field '" + field + "' could not be read";
    }

    private static String pathOf(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describeType(@Nullable Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 " + type.getSimpleName();
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a valid " + type.getSimpleName();
    }

    private static <T extends Throwable> @Nullable T find(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static @Nullable HttpServletRequest servletRequest(WebRequest request) {
        return request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
    }
}
