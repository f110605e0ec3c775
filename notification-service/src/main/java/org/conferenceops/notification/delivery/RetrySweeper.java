package org.conferenceops.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.conferenceops.platform.correlation.Correlation;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Finds notifications whose time has come again: failed attempts due for a retry, deliveries deferred by quiet
 * hours that have ended, and hand-offs a dead worker started but never recorded the outcome of (sent again under the
 * same message id). Called by the fan-out workers.
 */
@Component
class RetrySweeper {

    private static final int BATCH = 100;

    private final MongoTemplate mongo;
    private final FanOutJobRepository jobs;
    private final RouteResolver routes;
    private final Deliverer deliverer;
    private final DeliverySettings settings;
    private final Clock clock;

    RetrySweeper(MongoTemplate mongo, FanOutJobRepository jobs, RouteResolver routes, Deliverer deliverer,
            DeliverySettings settings, Clock clock) {
        this.mongo = mongo;
        this.jobs = jobs;
        this.routes = routes;
        this.deliverer = deliverer;
        this.settings = settings;
        this.clock = clock;
    }

    void sweep() {
        Instant now = clock.instant();
        Criteria due = new Criteria().orOperator(
                Criteria.where("status").is(NotificationStatus.FAILED.name()).and("finalFailure").is(false)
                        .and("notBefore").lte(now),
                Criteria.where("status").is(NotificationStatus.DEFERRED.name()).and("notBefore").lte(now),
                Criteria.where("status").in(NotificationStatus.SENDING.name(), NotificationStatus.QUEUED.name())
                        .and("updatedAt").lt(now.minus(settings.staleClaim())));
        List<Notification> batch = mongo.find(Query.query(due).with(Sort.by("updatedAt")).limit(BATCH),
                Notification.class);
        for (Notification notification : batch) {
            FanOutJob job = jobs.findById(notification.jobId()).orElse(null);
            if (job == null) {
                continue;
            }
            try (Correlation.Scope ignored = Correlation.open(job.correlationId(), job.sourceEventId())) {
                deliverer.retry(notification, job, routes.routesFor(notification.target(), notification.kind()));
            }
        }
    }
}
