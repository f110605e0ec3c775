package org.conferenceops.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.conferenceops.platform.problem.ConflictException;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.IllegalStateTransitionException;
import org.conferenceops.platform.problem.NotFoundException;
import org.conferenceops.platform.problem.RuleViolationException;
import org.conferenceops.platform.problem.ServiceUnavailableException;
import org.conferenceops.platform.problem.TooManyRequestsException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Throws every kind of refusal the platform renders, and counts the requests that reached it. */
@RestController
@RequestMapping("/api/test")
class ProblemTestController {

    static final AtomicInteger HANDLED = new AtomicInteger();

    record Registration(@NotBlank String name, @NotBlank @Email String email, @Min(1) int seats) {
    }

    enum Mode { IN_PERSON, VIRTUAL }

    @GetMapping("/delegates/{id}")
    String delegate(@PathVariable String id) {
        throw new NotFoundException("delegate", id);
    }

    @GetMapping("/conflict")
    String conflict() {
        throw new ConflictException("badge already issued");
    }

    @GetMapping("/transition")
    String transition() {
        throw new IllegalStateTransitionException("delegate", "WITHDRAWN", "accredit");
    }

    @GetMapping("/rule")
    String rule() {
        throw new RuleViolationException("delegation-size-cap", "The delegation may register at most 10 people",
                List.of(new FieldViolation("delegates[10]", "delegation-size-cap", "exceeds the cap of 10")));
    }

    @GetMapping("/throttled")
    String throttled() {
        throw new TooManyRequestsException("Too many scans from this device", Duration.ofMillis(1500));
    }

    @GetMapping("/unavailable")
    String unavailable() {
        throw new ServiceUnavailableException("Imports are paused", Duration.ofSeconds(30));
    }

    @GetMapping("/optimistic")
    String optimistic() {
        throw new OptimisticLockingFailureException("version 3 expected");
    }

    @GetMapping("/duplicate")
    String duplicate() {
        throw new DuplicateKeyException("E11000 duplicate key error");
    }

    @GetMapping("/storage-down")
    String storageDown() {
        throw new DataAccessResourceFailureException("Timed out while waiting for a server");
    }

    @GetMapping("/mongo-timeout")
    String mongoTimeout() {
        throw new com.mongodb.MongoTimeoutException("Timed out after 30000 ms while waiting for a server");
    }

    @GetMapping("/bug")
    String bug() {
        throw new IllegalStateException("a bug with passport P1234567 in its message");
    }

    @PostMapping("/registrations")
    Registration register(@Valid @RequestBody Registration registration) {
        HANDLED.incrementAndGet();
        return registration;
    }

    @PostMapping("/conferences/{id}/imports")
    int importDelegates(@PathVariable String id, @RequestBody String body) {
        HANDLED.incrementAndGet();
        return body.length();
    }

    @GetMapping("/page")
    int page(@RequestParam("size") @Min(1) @Max(100) int size) {
        return size;
    }

    @GetMapping("/items/{number}")
    int item(@PathVariable int number) {
        return number;
    }

    @GetMapping("/sessions")
    String sessions(@RequestParam Mode mode) {
        return mode.name();
    }
}
