package org.conferenceops.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a request waits for MongoDB. The driver's default server selection timeout is 30 s, longer than clients
 * and load balancers wait: while the database is away, requests would pile up and then time out without an answer.
 * With a short one they fail fast and are answered 503 with {@code Retry-After} (never a 2xx that was not stored).
 *
 * @param serverSelectionTimeout the longest an operation waits for a reachable server
 */
@ConfigurationProperties("conference-ops.mongodb")
public record MongoClientProperties(@DefaultValue("5s") Duration serverSelectionTimeout) {
}
