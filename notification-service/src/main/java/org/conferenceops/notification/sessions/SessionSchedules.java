package org.conferenceops.notification.sessions;

import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Keeps {@link SessionSchedule}s: applies programme events once and in order, and finds sessions by start. */
@Component
class SessionSchedules {

    private final MongoTemplate mongo;

    SessionSchedules(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies a programme change with one conditional upsert: only if the stored change version is older.
     *
     * @return false when the change (or a newer one) was applied already
     */
    boolean apply(String sessionId, String conferenceId, int changeVersion, Update change) {
        Query older = Query.query(Criteria.where("_id").is(sessionId).and("changeVersion").lt(changeVersion));
        try {
            mongo.upsert(older, change.set("conferenceId", conferenceId).set("changeVersion", changeVersion),
                    SessionSchedule.class);
            return true;
        }
        catch (DuplicateKeyException notNewer) {
            return false;
        }
    }

    SessionSchedule find(String sessionId) {
        SessionSchedule found = mongo.findById(sessionId, SessionSchedule.class);
        return found != null ? found : SessionSchedule.unknown(sessionId);
    }

    /** The sessions not cancelled that start after {@code from} and no later than {@code to}. */
    List<SessionSchedule> startingBetween(Instant from, Instant to) {
        return mongo.find(Query.query(Criteria.where("startsAt").gt(from).lte(to).and("status")
                .ne(SessionSchedule.Status.CANCELLED.name())), SessionSchedule.class);
    }
}
