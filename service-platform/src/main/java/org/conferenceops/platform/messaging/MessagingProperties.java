package org.conferenceops.platform.messaging;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of inbound messaging.
 *
 * @param consumes      the topics this service consumes; none means the service has no inbound binding
 * @param maxRetries    retries of a failing handler before the record is dead-lettered
 * @param retryDelay    the first retry's delay; each next one doubles
 * @param maxRetryDelay the longest delay between retries
 */
@ConfigurationProperties("conference-ops.messaging")
public record MessagingProperties(@DefaultValue List<String> consumes, @DefaultValue("2") long maxRetries,
        @DefaultValue("200ms") Duration retryDelay, @DefaultValue("2s") Duration maxRetryDelay) {
}
