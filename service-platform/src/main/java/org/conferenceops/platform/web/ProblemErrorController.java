package org.conferenceops.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.conferenceops.platform.problem.ProblemTypes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Answers the container's error page as problem+json, for the few refusals that happen outside Spring MVC (the
 * firewall rejecting a URL, {@code sendError} from a filter, an exception escaping a filter). Replaces Boot's
 * {@code BasicErrorController}, whose JSON has another shape; never says more than the status.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = HttpStatus.resolve(
                request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = status.is5xxServerError() ? "The request failed unexpectedly"
                : "The request was refused: " + status.getReasonPhrase();
        ProblemDetail problem = ProblemDetails.complete(ProblemDetails.of(status,
                ProblemTypes.slugFor(status.value()), status.getReasonPhrase(), detail), request);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
