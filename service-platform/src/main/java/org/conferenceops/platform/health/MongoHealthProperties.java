package org.conferenceops.platform.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the {@code mongo} health indicator.
 *
 * @param enabled whether the ping-based indicator is registered
 * @param timeout how long a ping may take, server selection included, before the database counts as down; well
 *                under the readiness probe's own timeout
 */
@ConfigurationProperties("conference-ops.health.mongo")
public record MongoHealthProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration timeout) {
}
