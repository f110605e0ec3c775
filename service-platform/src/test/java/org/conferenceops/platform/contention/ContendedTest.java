package org.conferenceops.platform.contention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.conferenceops.platform.problem.RuleViolationException;
import org.conferenceops.platform.problem.ServiceUnavailableException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

class ContendedTest {

    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void aCommandThatLostTheVersionRaceIsRunAgainUntilItsWriteLands() {
        String result = Contended.retry("delegation D", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new OptimisticLockingFailureException("version changed");
            }
            return "seated";
        });

        assertThat(result).isEqualTo("seated");
        assertThat(calls).hasValue(3);
    }

    @Test
    void stillContendedAfterTheLastAttemptIsOverloadA503WithRetryAfterNeverAConflict() {
        assertThatThrownBy(() -> Contended.retry("delegation D", () -> {
            calls.incrementAndGet();
            throw new OptimisticLockingFailureException("version changed");
        }))
                .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(e.getMessage()).contains("delegation D");
                })
                .hasRootCauseInstanceOf(OptimisticLockingFailureException.class);
        assertThat(calls).hasValue(Contended.ATTEMPTS);
    }

    @Test
    void aRefusalOrARealDuplicatePassesThroughAtOnceUntouched() {
        RuleViolationException full = new RuleViolationException("delegation-size-cap", "full",
                java.util.List.of());
        DuplicateKeyException duplicate = new DuplicateKeyException("e-mail taken");

        assertThatThrownBy(() -> Contended.retry("delegation D", () -> {
            calls.incrementAndGet();
            throw full;
        })).isSameAs(full);
        assertThatThrownBy(() -> Contended.retry("delegation D", () -> {
            calls.incrementAndGet();
            throw duplicate;
        })).isSameAs(duplicate);
        assertThat(calls).hasValue(2);
    }
}
