package org.conferenceops.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ProblemExceptionsTest {

    enum DelegateState { PENDING, WITHDRAWN }

    @Test
    void namesOnlyWhatWasAskedForWhenSomethingIsNotFound() {
        NotFoundException ex = new NotFoundException("delegate", "d-42");

        assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ex.detail()).isEqualTo("delegate d-42 not found");
        assertThat(ex.properties()).isEmpty();
    }

    @Test
    void carriesCurrentStateAndAttemptedActionOfARefusedTransition() {
        IllegalStateTransitionException ex = new IllegalStateTransitionException("delegate", DelegateState.WITHDRAWN,
                "accredit");

        assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ex.detail()).contains("WITHDRAWN");
        assertThat(ex.properties()).containsEntry("currentState", "WITHDRAWN").containsEntry("attemptedAction",
                "accredit");
    }

    @Test
    void carriesTheRuleAndItsViolationsAs422() {
        FieldViolation violation = new FieldViolation("delegates[5].email", "duplicate-email", "is used twice");
        RuleViolationException ex = new RuleViolationException("unique-email", violation);

        assertThat(ex.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(ex.slug()).isEqualTo(ProblemTypes.RULE_VIOLATION);
        assertThat(ex.detail()).isEqualTo("is used twice");
        assertThat(ex.properties()).containsEntry("rule", "unique-email").containsEntry("errors", List.of(violation));
    }

    @Test
    void asksToRetryLaterWhenThrottledOrUnavailable() {
        assertThat(new TooManyRequestsException("slow down", Duration.ofSeconds(3)).retryAfter())
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(new ServiceUnavailableException("paused", Duration.ofSeconds(9)).status())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(new ConflictException("taken").retryAfter()).isNull();
    }

    @Test
    void makesStableTypeUrisFromSlugsAndReasonPhrases() {
        assertThat(ProblemTypes.of("not-found")).hasToString("urn:conference-ops:problem:not-found");
        assertThat(ProblemTypes.slugOf("Method Not Allowed")).isEqualTo("method-not-allowed");
        assertThat(ProblemTypes.slugOf("I'm a teapot")).isEqualTo("i-m-a-teapot");
    }

    @Test
    void refusesAFieldViolationWithoutItsParts() {
        assertThatNullPointerException().isThrownBy(() -> new FieldViolation("seats", null, "must be positive"));
    }
}
