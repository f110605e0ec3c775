package org.conferenceops.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import jakarta.mail.internet.MimeMessage;
import org.conferenceops.events.Topics;
import org.conferenceops.events.notification.Channel;
import org.conferenceops.events.registration.DelegateRegistered;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.infra.mail.InboxMessage;
import org.conferenceops.notification.MailFaults;
import org.conferenceops.notification.NotificationServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One delivery per (event, recipient, channel), whatever fails: the SMTP server refusing part of a fan-out while
 * the event is redelivered, a worker dying in the middle of a batch, redeliveries and workers racing on one batch,
 * a worker dying between two messages (nothing resent) and after the SMTP server accepted a message (only that one
 * resent, under the same Message-ID).
 */
class ExactlyOnceFanOutIT extends NotificationServiceIT {

    @Autowired
    FanOut fanOut;
    @Autowired
    FanOutJobRepository jobs;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    MongoTemplate mongo;
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
        deliverer.deliverBatch(crashed, crashed.targets().subList(0, 3));
        assertThat(infra.mail().messagesTo(address(delegates.get(0)))).hasSize(2);
        assertThat(infra.mail().messagesTo(address(delegates.get(4)))).hasSize(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.findById(crashed.id()).orElseThrow().done());

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> delegates.forEach(d ->
                assertThat(infra.mail().messagesTo(address(d))).as("confirmation + badge for %s", d).hasSize(2)));
        assertThat(delegates).allSatisfy(d -> assertThat(notification(request, d))
                .hasValueSatisfying(n -> assertThat(n.attempts()).isEqualTo(1)));
    }

    @Test
    void concurrentRedeliveriesAndTwoWorkersOnTheSameBatchWhileADeadWorkersJobResumesGiveOneNotificationAndOneMailEach()
            throws Exception {
        List<String> delegates = delegates(12);
        FanOutRequest request = request(delegates);
        FanOutJob crashed = jobs.insert(FanOutJob.of(request, clock.instant())
                .leasedTo("worker-that-died", clock.instant().plusSeconds(1)));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                // the event redelivered while the job exists
                running.add(threads.submit(() -> {
                    go.await();
                    fanOut.start(request);
                    return null;
                }));
                // the dead worker's batch run again by workers that each think the lease is theirs
                running.add(threads.submit(() -> {
                    go.await();
                    deliverer.deliverBatch(crashed, crashed.targets());
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : running) {
                future.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            threads.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.findById(crashed.id()).orElseThrow().done());

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> delegates.forEach(d ->
                assertThat(infra.mail().messagesTo(address(d))).as("confirmation + badge for %s", d).hasSize(2)));
        assertThat(mongo.count(Query.query(Criteria.where("sourceEventId").is(request.sourceEventId())
                .and("channel").is(Channel.EMAIL.name())), Notification.class)).isEqualTo(delegates.size());
        assertThat(delegates).allSatisfy(d -> assertThat(notification(request, d)).hasValueSatisfying(n -> {
            assertThat(n.status()).isEqualTo(NotificationStatus.SENT);
            assertThat(n.attempts()).isEqualTo(1);
        }));
    }

    @Test
    void twoJobsThatArePartsOfOneMessageTellARecipientInBothOnlyOnce() throws Exception {
        List<String> delegates = delegates(3);
        String batch = "chg-" + UUID.randomUUID() + "-v7";
        Map<String, String> values = Map.of("conference", "berlin-2025", "badge", "bdg-x", "category",
                "MEMBER_STATE_DELEGATE");
        List<Target> confirmed = delegates.subList(0, 2).stream().map(Target::delegate).toList();
        List<Target> waitlisted = delegates.subList(1, 3).stream().map(Target::delegate).toList();
        fanOut.start(new FanOutRequest(batch + "-CONFIRMED", null, "badge-issued", false, values, confirmed,
                "berlin-2025", null, null, batch));
        fanOut.start(new FanOutRequest(batch + "-WAITLISTED", null, "badge-issued", false, values, waitlisted,
                "berlin-2025", null, null, batch));

        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.findById("job-" + batch + "-CONFIRMED")
                .orElseThrow().done() && jobs.findById("job-" + batch + "-WAITLISTED").orElseThrow().done());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> delegates.forEach(d ->
                assertThat(infra.mail().messagesTo(address(d))).as("confirmation + one badge mail for %s", d)
                        .hasSize(2)));
        assertThat(mongo.count(Query.query(Criteria.where("sourceEventId").is(batch)
                .and("channel").is(Channel.EMAIL.name())), Notification.class)).isEqualTo(3);
    }

    @Test
    void aWorkerThatDiesAfterTheSmtpServerAcceptedIsRetriedUnderTheSameMessageIdWithOneDeliveryRecord()
            throws Exception {
        List<String> delegates = delegates(3);
        FanOutRequest request = request(delegates);
        FanOutJob job = deliveredUntilTheWorkerDies(request,
                () -> MailFaults.crashAfterAccepting(address(delegates.get(1))));
        assertThat(notification(request, delegates.get(0)).orElseThrow().status())
                .as("recorded as sent as soon as the server accepted it").isEqualTo(NotificationStatus.SENT);
        assertThat(notification(request, delegates.get(1)).orElseThrow().status())
                .as("recorded as handed off before the hand-off").isEqualTo(NotificationStatus.SENDING);
        assertThat(badgeMails(delegates.get(1))).hasSize(1);
        assertThat(badgeMails(delegates.get(2))).as("never reached the server: after the crash").isEmpty();

        resumeAfterCrash(request, job);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> delegates.forEach(d ->
                assertThat(notification(request, d).orElseThrow().status()).isEqualTo(NotificationStatus.SENT)));
        List<MimeMessage> twice = badgeMails(delegates.get(1));
        assertThat(twice).as("the message in flight at the crash: resent once").hasSize(2);
        String expectedId = "<" + Notification.idFor(request.sourceEventId(), delegates.get(1), Channel.EMAIL)
                + "@conference-ops>";
        assertThat(twice).extracting(MimeMessage::getMessageID).containsExactly(expectedId, expectedId);
        assertThat(badgeMails(delegates.get(2))).hasSize(1);
        assertThat(badgeMails(delegates.get(0))).as("accepted before the crash and recorded: not resent")
                .extracting(MimeMessage::getMessageID).containsExactly("<" + Notification.idFor(
                        request.sourceEventId(), delegates.get(0), Channel.EMAIL) + "@conference-ops>");
        assertThat(notification(request, delegates.get(1)).orElseThrow().history())
                .extracting(DeliveryStep::detail).contains("retried after crash");
        assertThat(mongo.count(Query.query(Criteria.where("sourceEventId").is(request.sourceEventId())
                .and("channel").is(Channel.EMAIL.name())), Notification.class)).isEqualTo(3);
    }

    @Test
    void aWorkerThatDiesWithAMessageInFlightAfterKOfNResumesWithOnlyThatOneMessageTwice() throws Exception {
        List<String> delegates = delegates(8);
        FanOutRequest request = request(delegates);
        // the server accepts the fifth message, and the worker dies before it can record it
        FanOutJob job = deliveredUntilTheWorkerDies(request,
                () -> MailFaults.crashAfterAccepting(address(delegates.get(4))));
        assertThat(delegates.subList(0, 4)).allSatisfy(d -> assertThat(notification(request, d).orElseThrow()
                .status()).isEqualTo(NotificationStatus.SENT));
        resumeAfterCrash(request, job);

        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.findById(job.id()).orElseThrow().done());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> delegates.forEach(d ->
                assertThat(notification(request, d).orElseThrow().status()).isEqualTo(NotificationStatus.SENT)));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(delegates).allSatisfy(d -> assertThat(inbox(d)).as("badge mails to %s", d).hasSizeBetween(1, 2));
            assertThat(delegates.stream().filter(d -> inbox(d).size() > 1).toList())
                    .as("the only duplicate: the message in flight at the crash").containsExactly(delegates.get(4));
        });
        assertThat(mongo.count(Query.query(Criteria.where("sourceEventId").is(request.sourceEventId())
                .and("channel").is(Channel.EMAIL.name())), Notification.class)).isEqualTo(delegates.size());
    }

    @Test
    void aWorkerThatDiesBetweenTwoMessagesAfterKOfNResumesWithoutAnyDuplicate() throws Exception {
        List<String> delegates = delegates(8);
        FanOutRequest request = request(delegates);
        // five messages accepted, then the worker dies before handing over the sixth
        FanOutJob job = deliveredUntilTheWorkerDies(request,
                () -> MailFaults.crashBeforeSending(address(delegates.get(5))));
        assertThat(delegates.subList(0, 5)).allSatisfy(d -> {
            assertThat(notification(request, d).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
            assertThat(inbox(d)).hasSize(1);
        });
        assertThat(delegates.subList(5, 8)).allSatisfy(d -> assertThat(inbox(d)).isEmpty());
        resumeAfterCrash(request, job);

        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.findById(job.id()).orElseThrow().done());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> delegates.forEach(d ->
                assertThat(notification(request, d).orElseThrow().status()).isEqualTo(NotificationStatus.SENT)));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(delegates).allSatisfy(d -> assertThat(inbox(d)).as("badge mails to %s", d).hasSize(1)));
        assertThat(mongo.count(Query.query(Criteria.where("sourceEventId").is(request.sourceEventId())
                .and("channel").is(Channel.EMAIL.name())), Notification.class)).isEqualTo(delegates.size());
    }

    @Test
    void theHandOffsADeadWorkerLeftUnfinishedAreTakenOverAsSoonAsItsLeaseRunsOutNotAfterStaleClaim()
            throws Exception {
        List<String> delegates = delegates(6);
        FanOutRequest request = request(delegates);
        // two messages accepted, then the worker dies: four hand-offs recorded, never seen through
        FanOutJob job = deliveredUntilTheWorkerDies(request,
                () -> MailFaults.crashBeforeSending(address(delegates.get(2))));
        assertThat(delegates.subList(2, 6)).allSatisfy(d -> assertThat(notification(request, d).orElseThrow()
                .status()).isEqualTo(NotificationStatus.SENDING));

        // only the lease runs out: the hand-offs are seconds old, far from the two minutes of stale-claim
        mongo.updateFirst(Query.query(Criteria.where("_id").is(job.id())),
                new Update().set("leaseUntil", clock.instant().minusSeconds(1)), FanOutJob.class);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> delegates.forEach(d ->
                assertThat(notification(request, d).orElseThrow().status()).isEqualTo(NotificationStatus.SENT)));
        assertThat(jobs.findById(job.id()).orElseThrow().done()).isTrue();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(delegates).allSatisfy(d -> assertThat(inbox(d)).as("badge mails to %s", d).hasSize(1)));
        assertThat(delegates.subList(2, 6)).allSatisfy(d -> assertThat(notification(request, d).orElseThrow()
                .history()).extracting(DeliveryStep::detail).contains("retried after crash"));
    }

    @Test
    void anUrgentJobIsTakenBeforeTheRoutineBacklogThatWasWaitingBeforeIt() {
        String held = "held-by-a-test-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(jobs.insert(FanOutJob.of(new FanOutRequest(UUID.randomUUID().toString(), null, "badge-issued",
                    false, Map.of(), List.of(Target.delegate("dlg-routine-" + i)), "berlin-2025", null, null),
                    clock.instant()).leasedTo(held, clock.instant().plusSeconds(3600))).id());
        }
        String urgent = jobs.insert(FanOutJob.of(new FanOutRequest(UUID.randomUUID().toString(), null,
                "session-cancelled", true, Map.of(), List.of(Target.delegate("dlg-urgent")), "berlin-2025", null, null),
                clock.instant()).leasedTo(held, clock.instant().plusSeconds(3600))).id();
        ids.add(urgent);

        // the whole backlog becomes ready at once, the urgent job last in
        mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)),
                new Update().unset(FanOutJob.LEASE_OWNER).unset(FanOutJob.LEASE_UNTIL), FanOutJob.class);

        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream()
                .allMatch(id -> jobs.findById(id).orElseThrow().done()));
        List<Instant> completed = ids.stream().map(id -> mongo.findById(id, org.bson.Document.class, "fanout_jobs")
                .getDate("completedAt").toInstant()).toList();
        Instant urgentCompleted = completed.getLast();
        assertThat(completed.subList(0, 20).stream().filter(at -> at.isBefore(urgentCompleted)).count())
                .as("routine jobs done before the urgent one (two workers: at most what the other did meanwhile)")
                .isLessThanOrEqualTo(3);
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void smallJobsWaitingTogetherAreDeliveredTogetherEachOnceAndEachInItsOwnFlow() throws Exception {
        List<String> delegates = delegates(30);
        // thirty one-recipient jobs waiting at once (a burst of events), each continuing its own flow
        List<FanOutRequest> requests = delegates.stream().map(d -> new FanOutRequest("evt-" + UUID.randomUUID(),
                "corr-" + d, "badge-issued", false, Map.of("conference", "berlin-2025", "badge", "bdg-" + d,
                        "category", "MEMBER_STATE_DELEGATE"), List.of(Target.delegate(d)), "berlin-2025", null,
                null)).toList();
        io.micrometer.core.instrument.DistributionSummary perLease = meters.get("notifications.fanout.lease.jobs")
                .summary();
        double mostBefore = perLease.max();

        mongo.insertAll(requests.stream().map(r -> FanOutJob.of(r, clock.instant())).toList());

        await().atMost(Duration.ofSeconds(30)).until(() -> requests.stream().allMatch(r ->
                jobs.findById(FanOutJob.idFor(r.sourceEventId())).orElseThrow().done()));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> delegates.forEach(d ->
                assertThat(inbox(d)).as("badge mail to %s", d).hasSize(1)));
        assertThat(perLease.max()).as("jobs taken by one lease").isGreaterThan(Math.max(1, mostBefore));
        for (FanOutRequest request : requests) {
            String delegate = request.targets().getFirst().id();
            assertThat(notification(request, delegate)).hasValueSatisfying(n -> {
                assertThat(n.status()).isEqualTo(NotificationStatus.SENT);
                assertThat(n.attempts()).isEqualTo(1);
            });
            assertThat(inbox(delegate).getFirst().textBody()).contains("bdg-" + delegate);
        }
        // each delivery is published in the flow of the event that asked for it, not of another job of the lease
        Map<String, String> sourceOf = new java.util.HashMap<>();
        requests.forEach(r -> sourceOf.put(Notification.idFor(r.sourceEventId(), r.targets().getFirst().id(),
                Channel.EMAIL), r.sourceEventId()));
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]> consumer =
                new org.apache.kafka.clients.consumer.KafkaConsumer<>(Map.of(
                        org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        infra.kafkaBootstrapServers(),
                        org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                        org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        org.apache.kafka.clients.consumer.ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        org.apache.kafka.common.serialization.StringDeserializer.class,
                        org.apache.kafka.clients.consumer.ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        org.apache.kafka.common.serialization.ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.NOTIFICATION));
            Map<String, org.conferenceops.events.EventEnvelope> delivered = new java.util.HashMap<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (sourceOf.containsKey(r.key())) {
                        delivered.put(r.key(), codec.read(r.value()));
                    }
                });
                assertThat(delivered).hasSameSizeAs(sourceOf);
            });
            delivered.forEach((notificationId, envelope) -> {
                String source = sourceOf.get(notificationId);
                String delegate = notifications.findById(notificationId).orElseThrow().recipientId();
                assertThat(envelope.type()).isEqualTo("notification.NotificationDelivered");
                assertThat(envelope.correlationId()).as("flow of %s", notificationId).isEqualTo("corr-" + delegate);
                assertThat(envelope.causationId()).isEqualTo(source);
            });
        }
    }

    /** A worker leases the job, {@code fault} is armed, and the worker dies delivering the batch. */
    private FanOutJob deliveredUntilTheWorkerDies(FanOutRequest request, Runnable fault) {
        FanOutJob job = jobs.insert(FanOutJob.of(request, clock.instant())
                .leasedTo("worker-that-dies", clock.instant().plusSeconds(3600)));
        fault.run();
        assertThatThrownBy(() -> deliverer.deliverBatch(job, job.targets()))
                .isInstanceOf(MailFaults.SimulatedCrash.class);
        return job;
    }

    /** Time passes beyond the stale-claim period, and the dead worker's lease runs out. */
    private void resumeAfterCrash(FanOutRequest request, FanOutJob job) {
        mongo.updateMulti(Query.query(Criteria.where("sourceEventId").is(request.sourceEventId())),
                new Update().set("updatedAt", clock.instant().minus(Duration.ofHours(1))), Notification.class);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(job.id())),
                new Update().set("leaseUntil", clock.instant().minusSeconds(1)), FanOutJob.class);
    }

    /** The badge mails in the GreenMail inbox of a delegate. */
    private List<InboxMessage> inbox(String delegateId) {
        return infra.mail().messagesTo(address(delegateId)).stream()
                .filter(m -> m.subject() != null && m.subject().contains("ready")).toList();
    }

    private static List<MimeMessage> badgeMails(String delegateId) {
        return MailFaults.sentTo(address(delegateId)).stream().filter(m -> {
            try {
                return m.getSubject() != null && m.getSubject().contains("ready");
            }
            catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
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
