package org.conferenceops.platform.health;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Reports the service's MongoDB database UP when it answers {@code {ping: 1}} within the timeout, DOWN with the
 * error's class name otherwise. Replaces Boot's indicator, which needs the {@code hello} command that the embedded
 * wire-protocol server lacks. The timeout is a client-side operation timeout, so it bounds server selection too: an
 * unreachable database turns the probe DOWN within it instead of after the driver's 30 s default.
 */
public class MongoPingHealthIndicator implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(MongoPingHealthIndicator.class);
    private static final Document PING = new Document("ping", 1);

    private final MongoDatabaseFactory databaseFactory;
    private final Duration timeout;
    private final AtomicBoolean lastUp = new AtomicBoolean(true);

    public MongoPingHealthIndicator(MongoDatabaseFactory databaseFactory, Duration timeout) {
        this.databaseFactory = databaseFactory;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        try {
            databaseFactory.getMongoDatabase()
                    .withTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .runCommand(PING);
            if (!lastUp.getAndSet(true)) {
                log.info("MongoDB answers ping again");
            }
            return Health.up().withDetail("ping", "ok").build();
        }
        catch (RuntimeException ex) {
            // log the change only: probes run every few seconds during an outage
            if (lastUp.getAndSet(false)) {
                log.warn("MongoDB does not answer ping within {}: {}", timeout, ex.getClass().getName());
            }
            return Health.down().withDetail("error", ex.getClass().getName()).build();
        }
    }
}
