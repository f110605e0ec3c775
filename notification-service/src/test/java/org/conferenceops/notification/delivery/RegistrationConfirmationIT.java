package org.conferenceops.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.conferenceops.events.EventEnvelope;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.conferenceops.events.EventMetadata;
import org.conferenceops.events.Topics;
import org.conferenceops.events.notification.Channel;
import org.conferenceops.events.registration.DelegateRegistered;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.infra.mail.InboxMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.conferenceops.notification.NotificationServiceIT;

/** A delegate registered upstream is told once, by e-mail, in their own language. */
class RegistrationConfirmationIT extends NotificationServiceIT {

    private final KafkaProducer<String, byte[]> ownProducer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));

    @Autowired
    NotificationRepository notifications;

    @AfterEach
    void closeOwnProducer() {
        ownProducer.close();
    }

    @Test
    void anArabicSpeakingDelegateGetsOneRightToLeftEmailInArabicEvenWhenTheEventIsDeliveredTwice() throws Exception {
        String delegateId = "dlg-" + UUID.randomUUID();
        String email = delegateId + "@example.org";
        String eventId = UUID.randomUUID().toString();
        byte[] event = registered(eventId, delegateId, email, UnLanguage.ARABIC);

        publish(delegateId, event);
        publish(delegateId, event);

        await().atMost(Duration.ofSeconds(30)).until(() -> !infra.mail().messagesTo(email).isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                notifications.findById(Notification.idFor(eventId, delegateId, Channel.EMAIL))
                        .filter(n -> n.status() == NotificationStatus.SENT).isPresent());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(infra.mail().messagesTo(email)).hasSize(1));
        InboxMessage message = infra.mail().messagesTo(email).getFirst();
        assertThat(message.subject()).isEqualTo("تم استلام تسجيلكم في seoul-2021");
        assertThat(message.language()).isEqualTo("ar");
        assertThat(message.htmlBody()).contains("dir=\"rtl\"").contains("lang=\"ar\"").contains("ليلى حداد");
        assertThat(message.textBody()).contains(delegateId);
        Notification notification = notifications.findById(Notification.idFor(eventId, delegateId, Channel.EMAIL)).orElseThrow();
        assertThat(notification.language()).isEqualTo(UnLanguage.ARABIC);
        assertThat(notification.languageFallback()).isFalse();
        assertThat(notification.attempts()).isEqualTo(1);
        assertDeliveryPublished(notification.id(), eventId);
    }

    private void assertDeliveryPublished(String notificationId, String sourceEventId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(java.util.List.of(Topics.NOTIFICATION));
            java.util.List<ConsumerRecord<String, byte[]>> seen = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                java.util.List<EventEnvelope> mine = seen.stream().filter(r -> notificationId.equals(r.key()))
                        .map(r -> codec.read(r.value())).toList();
                assertThat(mine).hasSize(1);
                assertThat(mine.getFirst().type()).isEqualTo("notification.NotificationDelivered");
                assertThat(mine.getFirst().correlationId()).as("the flow continues").isEqualTo("corr-" + sourceEventId);
                assertThat(mine.getFirst().causationId()).as("caused by the registration event").isEqualTo(sourceEventId);
            });
        }
    }

    @Test
    void aLanguageWithoutATemplateFallsBackToEnglishVisibly() throws Exception {
        String delegateId = "dlg-" + UUID.randomUUID();
        String email = delegateId + "@example.org";
        String eventId = UUID.randomUUID().toString();

        publish(delegateId, registered(eventId, delegateId, email, UnLanguage.UNKNOWN));

        await().atMost(Duration.ofSeconds(30)).until(() -> !infra.mail().messagesTo(email).isEmpty());
        InboxMessage message = infra.mail().messagesTo(email).getFirst();
        assertThat(message.subject()).isEqualTo("Your registration for seoul-2021 has been received");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(notifications.findById(Notification.idFor(eventId, delegateId, Channel.EMAIL)))
                        .hasValueSatisfying(n -> assertThat(n.languageFallback()).isTrue()));
    }

    private byte[] registered(String eventId, String delegateId, String email, UnLanguage language) {
        DelegateRegistered event = new DelegateRegistered(delegateId, "seoul-2021", "seoul-2021-JOR", "ليلى",
                "حداد", email, language, Instant.now());
        return codec.write(codec.envelope(event, new EventMetadata(eventId, "registration-service", Instant.now(),
                "corr-" + eventId, null, 1L, null)));
    }

    private void publish(String key, byte[] value) throws Exception {
        ownProducer.send(new ProducerRecord<>(Topics.REGISTRATION, key, value)).get();
    }
}
