package org.conferenceops.platform.outbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.conferenceops.events.EventCodec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the embedded outbox and its relay into every service. */
@AutoConfiguration(after = {DataMongoAutoConfiguration.class, KafkaAutoConfiguration.class})
@EnableConfigurationProperties({ OutboxProperties.class, MongoClientProperties.class })
public class OutboxAutoConfiguration {

    /** After Boot's own customizer, which applies the connection string: this timeout wins over the default. */
    @Bean
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
    org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer conferenceOpsMongoTimeouts(
            MongoClientProperties properties) {
        return settings -> settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                properties.serverSelectionTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return EventCodec.standard();
    }

    @Bean
    TraceContextSource traceContextSource(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContextSource(tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    /**
     * The relay's own producer: acknowledged by all in-sync replicas, idempotent, and quick to report an
     * unreachable broker (the default blocks a minute for metadata) so the relay backs off instead of hanging.
     */
    @Bean
    KafkaTemplate<String, byte[]> outboxKafkaTemplate(KafkaProperties kafka, OutboxProperties outbox) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
        long timeout = outbox.sendTimeout().toMillis();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeout, 5000L));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout, 5000L));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout, 5000L + 2));
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
        template.setObservationEnabled(true);
        return template;
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> outboxKafkaTemplate,
            MongoMappingContext mappingContext, OutboxProperties properties, TraceContextSource traceContext,
            Clock clock, MeterRegistry meters, @Value("${spring.application.name}") String serviceName) {
        return new OutboxRelay(mongo, outboxKafkaTemplate, aggregateCollections(mappingContext), properties,
                traceContext, clock, meters, serviceName);
    }

    @Bean
    RememberStoredAggregates rememberStoredAggregates() {
        return new RememberStoredAggregates();
    }

    @Bean
    EventOutbox eventOutbox(MongoTemplate mongo, EventCodec codec, @Value("${spring.application.name}") String serviceName, Clock clock,
            TraceContextSource traceContext, OutboxRelay relay) {
        return new EventOutbox(mongo, codec, serviceName, clock, traceContext, relay);
    }

    private static List<String> aggregateCollections(MongoMappingContext mappingContext) {
        return mappingContext.getPersistentEntities().stream()
                .filter(entity -> AggregateDocument.class.isAssignableFrom(entity.getType()))
                .map(MongoPersistentEntity::getCollection)
                .distinct()
                .sorted()
                .toList();
    }
}
