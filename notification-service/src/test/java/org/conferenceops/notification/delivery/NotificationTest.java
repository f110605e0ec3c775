package org.conferenceops.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.conferenceops.events.notification.Channel;
import org.conferenceops.events.notification.NotificationDelivered;
import org.conferenceops.events.notification.NotificationFailed;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.platform.problem.IllegalStateTransitionException;
import org.junit.jupiter.api.Test;

class NotificationTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-05-13T08:00:00Z"), ZoneOffset.UTC);
    private final FanOutJob job = FanOutJob.of(new FanOutRequest("evt-1", "corr-1", "badge-issued", false,
            Map.of("conference", "berlin-2025"), List.of(Target.delegate("dlg-1")), "berlin-2025", "berlin-2025-GHA",
            null), clock.instant());
    private final Route route = new Route("dlg-1", Channel.EMAIL, "kwame@example.org", UnLanguage.FRENCH,
            ZoneOffset.UTC, null, "Kwame Asante", "dlg-1", "berlin-2025-GHA");

    @Test
    void theIdIsTheSameForTheSameEventRecipientAndChannelAndDiffersOtherwise() {
        assertThat(Notification.idFor("evt-1", "dlg-1", Channel.EMAIL))
                .isEqualTo(Notification.create(job, Target.delegate("dlg-1"), route, null, clock.instant()).id())
                .isNotEqualTo(Notification.idFor("evt-1", "dlg-1", Channel.SMS))
                .isNotEqualTo(Notification.idFor("evt-2", "dlg-1", Channel.EMAIL));
    }

    @Test
    void aFailedAttemptWithARetryThenASendPublishesEachOutcomeAndKeepsTheSteps() {
        Notification notification = Notification.create(job, Target.delegate("dlg-1"), route, null, clock.instant());

        List<NotificationFailed> failed = notification.failed("SMTP down", clock.instant().plusSeconds(30),
                clock.instant());
        notification.claim(clock.instant().plusSeconds(30));
        List<NotificationDelivered> sent = notification.sent(UnLanguage.FRENCH, false, clock.instant().plusSeconds(31));

        assertThat(failed).singleElement().satisfies(f -> {
            assertThat(f.attempt()).isEqualTo(1);
            assertThat(f.finalAttempt()).isFalse();
        });
        assertThat(sent).singleElement().satisfies(d -> assertThat(d.language()).isEqualTo(UnLanguage.FRENCH));
        assertThat(notification.attempts()).isEqualTo(2);
        assertThat(notification.history()).extracting(DeliveryStep::status).containsExactly(NotificationStatus.QUEUED,
                NotificationStatus.SENDING, NotificationStatus.FAILED, NotificationStatus.SENDING,
                NotificationStatus.SENT);
        assertThat(notification.history().get(3).detail()).isEqualTo("retry 2");
    }

    @Test
    void aHandOffWhoseOutcomeWasNeverStoredIsClaimedAgainAsARetryAfterACrash() {
        Notification notification = Notification.create(job, Target.delegate("dlg-1"), route, null, clock.instant());
        assertThat(notification.status()).as("recorded before the hand-off").isEqualTo(NotificationStatus.SENDING);

        boolean afterCrash = notification.claim(clock.instant().plusSeconds(180));
        notification.sent(UnLanguage.FRENCH, false, clock.instant().plusSeconds(181));

        assertThat(afterCrash).isTrue();
        assertThat(notification.history()).extracting(DeliveryStep::detail).contains("retried after crash");
        assertThat(notification.attempts()).isEqualTo(1);
    }

    @Test
    void aNotificationInQuietHoursIsCreatedDeferredWithoutAHandOff() {
        Notification notification = Notification.create(job, Target.delegate("dlg-1"), route,
                clock.instant().plusSeconds(3600), clock.instant());

        assertThat(notification.status()).isEqualTo(NotificationStatus.DEFERRED);
        assertThat(notification.notBefore()).isEqualTo(clock.instant().plusSeconds(3600));
        assertThat(notification.claim(clock.instant().plusSeconds(3600))).as("not a crash").isFalse();
    }

    @Test
    void aSentNotificationIsNeverSentAgainAndOnlyASentOneCanBounce() {
        Notification notification = Notification.create(job, Target.delegate("dlg-1"), route, null, clock.instant());
        assertThatThrownBy(() -> notification.bounced("550", clock.instant()))
                .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining("SENDING");
        notification.sent(UnLanguage.FRENCH, false, clock.instant());

        assertThatThrownBy(() -> notification.sent(UnLanguage.FRENCH, false, clock.instant()))
                .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining("SENT");
        assertThat(notification.bounced("550 mailbox unavailable", clock.instant())).singleElement()
                .satisfies(b -> assertThat(b.reason()).isEqualTo("550 mailbox unavailable"));
        assertThat(notification.settled()).isTrue();
    }

    @Test
    void aFailureWithoutRetryIsFinal() {
        Notification notification = Notification.create(job, Target.delegate("dlg-1"), route, null, clock.instant());

        assertThat(notification.failed("410 Gone", null, clock.instant())).singleElement()
                .satisfies(f -> assertThat(f.finalAttempt()).isTrue());
        assertThatThrownBy(() -> notification.claim(clock.instant()))
                .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining("FAILED");
    }

    @Test
    void retriesBackOffExponentiallyUpToTheCeiling() {
        DeliverySettings settings = new DeliverySettings("x", 1, 10, java.time.Duration.ofMillis(250),
                java.time.Duration.ofSeconds(60), 6, java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(5),
                java.time.Duration.ofMinutes(2), 4);

        assertThat(List.of(settings.backoff(1), settings.backoff(2), settings.backoff(3), settings.backoff(5),
                settings.backoff(30))).extracting(java.time.Duration::toSeconds).containsExactly(30L, 60L, 120L, 300L,
                300L);
    }
}
