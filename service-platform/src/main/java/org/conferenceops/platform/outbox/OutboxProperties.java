package org.conferenceops.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay.
 *
 * @param enabled        whether this instance runs a relay (tests of write paths may turn it off)
 * @param pollInterval   how long the relay sleeps when it found nothing to publish; writes wake it at once
 * @param batchSize      how many aggregates with pending events it handles per pass, per collection
 * @param sendTimeout    how long it waits for the broker to acknowledge one send
 * @param maxBackoff     the longest pause after consecutive failures (the pause doubles from the poll interval)
 * @param metricsRefresh how often the backlog gauges are recomputed from the database
 * @param leaseDuration  how long an aggregate stays with the relay that claimed it; a relay that dies holds its
 *                       aggregates at most this long (keep it above send timeout × entries per aggregate)
 */
@ConfigurationProperties("conference-ops.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("200") int batchSize, @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("5s") Duration maxBackoff, @DefaultValue("2s") Duration metricsRefresh,
        @DefaultValue("60s") Duration leaseDuration) {
}
