package org.conferenceops.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.conferenceops.events.notification.Channel;
import org.conferenceops.notification.NotificationServiceIT;
import org.conferenceops.notification.recipients.TestRecipients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A large fan-out does not hold up other work: another event's message goes out while it runs. With
 * {@code -Dfanout.measure=10000} it also measures how long a fan-out of that size takes to reach the SMTP server
 * (a measurement printed to the log, not a timed assertion: the figure depends on the machine).
 */
class LargeFanOutIT extends NotificationServiceIT {

    private static final Logger log = LoggerFactory.getLogger(LargeFanOutIT.class);

    @Autowired
    FanOut fanOut;
    @Autowired
    FanOutJobRepository jobs;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    @Test
    void anotherEventsMessageGoesOutWhileALargeFanOutIsStillRunning() {
        List<String> audience = TestRecipients.register(mongo, "berlin-2025", 1_500);
        String other = TestRecipients.register(mongo, "berlin-2025", 1).getFirst();
        FanOutRequest large = request(audience);
        FanOutRequest small = request(List.of(other));

        fanOut.start(large);
        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.findById(FanOutJob.idFor(large.sourceEventId()))
                .orElseThrow().cursor() > 0);
        fanOut.start(small);

        await().atMost(Duration.ofSeconds(120)).until(() -> jobs.findById(FanOutJob.idFor(large.sourceEventId()))
                .orElseThrow().done());
        Notification told = mongo.findById(Notification.idFor(small.sourceEventId(), other, Channel.EMAIL),
                Notification.class);
        assertThat(told).isNotNull();
        assertThat(told.status()).isEqualTo(NotificationStatus.SENT);
        Instant lastOfLarge = lastSent(large);
        assertThat(told.sentAt()).as("sent before the large fan-out's last message").isBefore(lastOfLarge);
        assertThat(infra.mail().messagesTo(other + "@example.org")).hasSize(1);
    }

    @Test
    @EnabledIfSystemProperty(named = "fanout.measure", matches = "\\d+")
    void measuresHowLongAFanOutTakesToReachTheSmtpServer() {
        int size = Integer.parseInt(System.getProperty("fanout.measure"));
        long setUp = System.nanoTime();
        List<String> audience = TestRecipients.register(mongo, "berlin-2025", size);
        log.info("fan-out measurement: {} recipients stored in {} ms", size, (System.nanoTime() - setUp) / 1_000_000);
        FanOutRequest request = request(audience);
        Instant started = Instant.now();
        fanOut.start(request);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                jobs.findById(FanOutJob.idFor(request.sourceEventId())).orElseThrow().done());
        Instant done = Instant.now();
        long mails = mongo.count(Query.query(Criteria.where("sourceEventId").is(request.sourceEventId())
                .and("channel").is(Channel.EMAIL.name()).and("status").is(NotificationStatus.SENT.name())),
                Notification.class);
        Instant lastMail = lastSent(request);
        log.info("fan-out measurement: {} e-mails SENT; job done after {} ms; last e-mail accepted by SMTP {} ms after"
                + " the start", mails, Duration.between(started, done).toMillis(),
                Duration.between(started, lastMail).toMillis());
        for (Timer phase : meters.find("notifications.delivery.phase").timers()) {
            log.info("fan-out measurement: phase {}: {} ms in all over {} batches", phase.getId().getTag("phase"),
                    (long) phase.totalTime(TimeUnit.MILLISECONDS), phase.count());
        }
        assertThat(mails).isEqualTo(size);
    }

    private Instant lastSent(FanOutRequest request) {
        Query last = Query.query(Criteria.where("sourceEventId").is(request.sourceEventId()).and("channel")
                .is(Channel.EMAIL.name())).with(org.springframework.data.domain.Sort.by(
                        org.springframework.data.domain.Sort.Direction.DESC, "sentAt")).limit(1);
        Notification notification = mongo.findOne(last, Notification.class);
        assertThat(notification).isNotNull();
        return notification.sentAt();
    }

    private static FanOutRequest request(List<String> delegates) {
        return new FanOutRequest(UUID.randomUUID().toString(), "corr-large", "badge-issued", false,
                Map.of("conference", "berlin-2025", "badge", "bdg-x", "category", "MEMBER_STATE_DELEGATE"),
                delegates.stream().map(Target::delegate).toList(), "berlin-2025", null, null);
    }
}
