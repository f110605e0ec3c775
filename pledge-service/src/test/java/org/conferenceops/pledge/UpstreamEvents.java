package org.conferenceops.pledge;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.conferenceops.events.EventCodec;
import org.conferenceops.events.EventMetadata;
import org.conferenceops.events.IntegrationEvent;
import org.conferenceops.events.Topics;
import org.conferenceops.events.registration.DelegationKind;
import org.conferenceops.events.registration.DelegationRegistered;
import org.conferenceops.events.session.RepresentationLevel;
import org.conferenceops.events.session.SessionMode;
import org.conferenceops.events.session.SessionScheduled;
import org.conferenceops.events.session.SpeakerInscribed;
import org.conferenceops.pledge.delegations.Delegations;
import org.conferenceops.pledge.programme.Programme;
import org.conferenceops.testsupport.TestInfrastructure;

/**
 * Publishes what registration-service and session-service would (CloudEvents on their topics) and waits until
 * pledge-service's read models know it.
 */
public final class UpstreamEvents {

    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));

    private UpstreamEvents() {
    }

    /** Registers a member-state delegation {@code <conferenceId>-<iso3>} and waits until pledge-service knows it. */
    public static String delegation(Delegations delegations, String conferenceId, String iso3) {
        return delegation(delegations, conferenceId, iso3, DelegationKind.MEMBER_STATE);
    }

    /** Registers a delegation of any kind and waits until pledge-service knows it. */
    public static String delegation(Delegations delegations, String conferenceId, String code, DelegationKind kind) {
        String id = conferenceId + "-" + code;
        if (delegations.find(id).isEmpty()) {
            publish(Topics.REGISTRATION, "registration-service",
                    new DelegationRegistered(id, conferenceId, kind, code, "Delegation of " + code, Instant.now()), 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> delegations.find(id).isPresent());
        }
        return id;
    }

    /** Schedules a session and waits until pledge-service knows it. */
    public static void session(Programme programme, String sessionId, String conferenceId) {
        Instant start = Instant.now().plus(Duration.ofDays(1));
        publish(Topics.SESSION, "session-service", new SessionScheduled(sessionId, conferenceId, conferenceId + "-min",
                "Pledging segment", "Pledging segment", null, SessionMode.VIRTUAL, "https://meet.example.org/p", start,
                start.plus(Duration.ofHours(2)), "Asia/Seoul", 0, 500, Instant.now()), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> programme.find(sessionId).filter(s -> s.scheduled())
                .isPresent());
    }

    /** Inscribes a speaker on a session's speakers list and waits until pledge-service knows it. */
    public static String speaker(Programme programme, String sessionId, String conferenceId, String delegationId,
            String name, boolean pledgeAnnouncement) {
        String inscriptionId = "ins-" + UUID.randomUUID();
        publish(Topics.SESSION, "session-service", new SpeakerInscribed(sessionId, conferenceId, inscriptionId,
                delegationId, name, "Minister of Defence", RepresentationLevel.MINISTER, true, pledgeAnnouncement,
                Instant.now()), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> programme.find(sessionId)
                .flatMap(s -> s.inscription(inscriptionId)).isPresent());
        return inscriptionId;
    }

    /** Publishes an event as its producer would, keyed by its aggregate id. */
    public static void publish(String topic, String producer, IntegrationEvent event, long aggregateVersion) {
        EventCodec codec = EventCodec.standard();
        byte[] bytes = codec.write(codec.envelope(event, new EventMetadata(UUID.randomUUID().toString(), producer,
                Instant.now(), "test", null, aggregateVersion, null)));
        PRODUCER.send(new ProducerRecord<>(topic, event.aggregateId(), bytes));
        PRODUCER.flush();
    }
}
