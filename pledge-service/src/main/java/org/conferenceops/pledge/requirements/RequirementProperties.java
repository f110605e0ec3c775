package org.conferenceops.pledge.requirements;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the capability gap ({@code conference-ops.capability-gap.*}).
 *
 * @param reconcileInterval how often every requirement's coverage is recomputed from all pledges, which repairs a
 *                          recompute lost to a crash and brings changes made on other replicas to local streams
 * @param streamTimeout     how long a live stream stays open before the screen must reconnect
 * @param recomputeAttempts how often a recompute that lost a race to a concurrent one is retried
 */
@ConfigurationProperties("conference-ops.capability-gap")
public record RequirementProperties(@DefaultValue("15s") Duration reconcileInterval,
        @DefaultValue("30m") Duration streamTimeout, @DefaultValue("5") int recomputeAttempts) {
}
