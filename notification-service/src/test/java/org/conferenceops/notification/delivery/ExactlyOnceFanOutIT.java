package org.conferenceops.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.conferenceops.events.Topics;
import org.conferenceops.events.notification.Channel;
import org.conferenceops.events.registration.DelegateRegistered;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.notification.MailFaults;
import org.conferenceops.notification.NotificationServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One delivery per (event, recipient, channel), whatever fails: the SMTP server refusing part of a fan-out while
 * the event is redelivered, and a worker dying in the middle of a batch.
 */
class ExactlyOnceFanOutIT extends NotificationServiceIT {

    @Autowired
    FanOut fanOut;
    @Autowired
    FanOutJobRepository jobs;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    RouteResolver routes;
    @Autowired
    Deliverer deliverer;
    @Autowired
    Clock clock;

    @Test
    void anSmtpFailureMidwayAndARedeliveryStillGiveExactlyOneMailPerRecipient() throws Exception {
        List<String> delegates = delegates(6);
        delegates.subList(2, 5).forEach(d -> MailFaults.refuse(address(d)));
        FanOutRequest request = request(delegates);

        fanOut.start(request);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> delegates.forEach(d ->
                assertThat(notification(request, d)).hasValueSatisfying(n -> assertThat(n.status())
                        .isIn(NotificationStatus.SENT, NotificationStatus.FAILED))));
        assertThat(notification(request, delegates.get(3)).orElseThrow().status()).isEqualTo(NotificationStatus.FAILED);
        fanOut.start(request);
        delegates.forEach(d -> MailFaults.accept(address(d)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> delegates.forEach(d ->
                assertThat(notification(request, d)).hasValueSatisfying(n ->
                        assertThat(n.status()).isEqualTo(NotificationStatus.SENT))));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> delegates.forEach(d ->
                assertThat(infra.mail().messagesTo(address(d)).stream()
                        .filter(m -> m.subject() != null && m.subject().contains("ready")).toList())
                        .as("badge mails to %s", d).hasSize(1)));
        Notification retried = notification(request, delegates.get(2)).orElseThrow();
        assertThat(retried.attempts()).isGreaterThan(1);
        assertThat(retried.history()).extracting(DeliveryStep::status).contains(NotificationStatus.FAILED,
                NotificationStatus.SENT);
        assertThat(notification(request, delegates.get(0)).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void aWorkerThatDiesMidBatchIsResumedWithoutDuplicatesOrGaps() throws Exception {
        List<String> delegates = delegates(5);
        FanOutRequest request = request(delegates);
        FanOutJob crashed = jobs.insert(FanOutJob.of(request, clock.instant())
                .leasedTo("worker-that-died", clock.instant().plusSeconds(2)));
        // the dead worker got three targets out before it died, without moving the cursor
        for (Target target : crashed.targets().subList(0, 3)) {
            for (Route route : routes.routesFor(target, crashed.kind())) {
                deliverer.deliver(crashed, target, route);
            }
        }
        assertThat(infra.mail().messagesTo(address(delegates.get(0)))).hasSize(2);
        assertThat(infra.mail().messagesTo(address(delegates.get(4)))).hasSize(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.findById(crashed.id()).orElseThrow().done());

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> delegates.forEach(d ->
                assertThat(infra.mail().messagesTo(address(d))).as("confirmation + badge for %s", d).hasSize(2)));
        assertThat(delegates).allSatisfy(d -> assertThat(notification(request, d))
                .hasValueSatisfying(n -> assertThat(n.attempts()).isEqualTo(1)));
    }

    private FanOutRequest request(List<String> delegates) {
        return new FanOutRequest(UUID.randomUUID().toString(), "corr-test", "badge-issued", false,
                Map.of("conference", "berlin-2025", "badge", "bdg-x", "category", "MEMBER_STATE_DELEGATE"),
                delegates.stream().map(Target::delegate).toList(), "berlin-2025", null, null);
    }

    private java.util.Optional<Notification> notification(FanOutRequest request, String delegateId) {
        return notifications.findById(Notification.idFor(request.sourceEventId(), delegateId, Channel.EMAIL));
    }

    private List<String> delegates(int count) throws Exception {
        String delegation = "berlin-2025-DEU-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i : IntStream.range(0, count).toArray()) {
            String id = "dlg-" + i + "-" + UUID.randomUUID();
            ids.add(id);
            publish(Topics.REGISTRATION, "registration-service", UUID.randomUUID().toString(),
                    new DelegateRegistered(id, "berlin-2025", delegation, "Lena", "Schmidt", address(id),
                            UnLanguage.ENGLISH, Instant.now()), 1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ids.stream().allMatch(id -> !infra.mail().messagesTo(address(id)).isEmpty()));
        return ids;
    }

    private static String address(String delegateId) {
        return delegateId + "@example.org";
    }
}
