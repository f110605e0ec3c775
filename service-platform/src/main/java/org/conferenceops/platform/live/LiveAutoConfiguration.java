package org.conferenceops.platform.live;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.conferenceops.events.EventCodec;
import org.conferenceops.platform.outbox.OutboxAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The live stream, when {@code conference-ops.live.topics} names at least one topic. */
@AutoConfiguration(after = OutboxAutoConfiguration.class)
@EnableConfigurationProperties(LiveProperties.class)
@ConditionalOnProperty("conference-ops.live.topics")
public class LiveAutoConfiguration {

    @Bean
    LiveEventStream liveEventStream(KafkaProperties kafka, EventCodec codec, LiveProperties properties,
            List<LiveEventListener<?>> listeners, MeterRegistry meters, Environment environment) {
        String service = environment.getRequiredProperty("spring.application.name");
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        // no group: nothing is shared with the service's load-balanced consumers, nothing committed
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, service + "-live");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new LiveEventStream(() -> new KafkaConsumer<>(config), codec, properties, listeners, meters, service);
    }
}
