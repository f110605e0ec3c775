package org.conferenceops.console.web;

import jakarta.servlet.http.HttpServletResponse;
import org.conferenceops.console.backend.BackendException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A service's refusal on a page becomes a readable page with the service's own explanation, never a stack trace;
 * it runs before the platform's problem+json advice, which is meant for APIs.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BackendErrors {

    @ExceptionHandler(BackendException.class)
    ModelAndView refused(BackendException e, HttpServletResponse response) {
        if (e.status() == 401) {
            return new ModelAndView("redirect:/signin?error=expired");
        }
        int status = e.status() >= 400 && e.status() < 600 ? e.status() : 502;
        response.setStatus(status);
        ModelAndView page = new ModelAndView("problem");
        page.addObject("status", status);
        page.addObject("detail", e.getMessage());
        return page;
    }
}
