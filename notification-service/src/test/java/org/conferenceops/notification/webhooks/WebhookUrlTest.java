package org.conferenceops.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.conferenceops.platform.problem.RuleViolationException;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.platform.security.Role;
import org.junit.jupiter.api.Test;

class WebhookUrlTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-05-13T08:00:00Z"), ZoneOffset.UTC);
    private final CurrentUser focalPoint = new CurrentUser("fp", Set.of(Role.FOCAL_POINT), "berlin-2025-GHA", null);

    @Test
    void refusesAPlainHttpEndpointOutsideLocalMode() {
        WebhookController controller = new WebhookController(null, new WebhookSettings(false, Duration.ofSeconds(1),
                3, false), clock);

        assertThatThrownBy(() -> controller.create("berlin-2025-GHA", new WebhookController.SubscriptionRequest(
                "http://hooks.example.org/conference", "ops@example.org", null), focalPoint))
                .isInstanceOfSatisfying(RuleViolationException.class, e ->
                        assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("url");
                            assertThat(v.code()).isEqualTo("https-required");
                        }));
    }

    @Test
    void suspendsASubscriptionAtTheThresholdOfConsecutiveFailuresAndASuccessResetsTheCount() {
        WebhookSubscription subscription = WebhookSubscription.create("berlin-2025-GHA", "https://hooks.example.org",
                "ops@example.org", Set.of(), clock.instant());

        assertThat(subscription.attemptFailed(3, clock.instant())).isFalse();
        subscription.delivered();
        assertThat(subscription.attemptFailed(3, clock.instant())).isFalse();
        assertThat(subscription.attemptFailed(3, clock.instant())).isFalse();
        assertThat(subscription.attemptFailed(3, clock.instant())).isTrue();

        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.SUSPENDED);
        assertThat(subscription.wants("pledge-acknowledged")).isFalse();
        assertThat(subscription.attemptFailed(3, clock.instant())).as("told once").isFalse();
    }
}
