package org.conferenceops.platform.messaging;

import java.util.List;
import java.util.function.Consumer;
import io.micrometer.core.instrument.MeterRegistry;
import org.conferenceops.events.EventCodec;
import org.conferenceops.events.InvalidEventException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.annotation.StreamRetryTemplate;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.conferenceops.platform.outbox.OutboxAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

/**
 * The single inbound binding of a consuming service, {@code conferenceOpsEvents-in-0}, bound to the topics listed
 * in {@code conference-ops.messaging.consumes}, with retries and a dead-letter topic (see the platform's
 * messaging defaults), plus the dead-letter replay endpoint.
 */
@AutoConfiguration(after = OutboxAutoConfiguration.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    /** The name of the consumer function, and so of its binding {@code conferenceOpsEvents-in-0}. */
    public static final String FUNCTION = "conferenceOpsEvents";

    /**
     * Retries a failing handler twice with exponential back-off (200 ms, 400 ms, at most 2 s), then the binder
     * dead-letters the record. A message that is not a valid event is never retried: nothing about it can change.
     */
    @Bean
    @StreamRetryTemplate
    RetryTemplate conferenceOpsRetry(MessagingProperties properties) {
        return new RetryTemplate(RetryPolicy.builder()
                .maxRetries(properties.maxRetries())
                .delay(properties.retryDelay())
                .multiplier(2)
                .maxDelay(properties.maxRetryDelay())
                .predicate(MessagingAutoConfiguration::isRetryable)
                .build());
    }

    static boolean isRetryable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidEventException) {
                return false;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return true;
    }

    @Bean
    InboundEventDispatcher inboundEventDispatcher(EventCodec codec, List<EventHandler<?>> handlers,
            MeterRegistry meters, org.springframework.core.env.Environment environment) {
        return new InboundEventDispatcher(codec, handlers, meters,
                environment.getRequiredProperty("spring.application.name"));
    }

    @Bean(FUNCTION)
    @ConditionalOnProperty("conference-ops.messaging.consumes")
    Consumer<Message<byte[]>> conferenceOpsEvents(InboundEventDispatcher dispatcher) {
        return message -> dispatcher.dispatch(message.getPayload());
    }

    @Bean
    @ConditionalOnProperty("conference-ops.messaging.consumes")
    DeadLetterEndpoint deadLetterEndpoint(KafkaProperties kafka,
            org.springframework.core.env.Environment environment) {
        String service = environment.getRequiredProperty("spring.application.name");
        return new DeadLetterEndpoint(kafka, org.conferenceops.events.Topics.deadLetter(service), service);
    }
}
