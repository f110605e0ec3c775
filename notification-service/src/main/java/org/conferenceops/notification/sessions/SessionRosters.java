package org.conferenceops.notification.sessions;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Who is booked on a session: what other features (broadcasts) may ask about rosters. */
@Component
public class SessionRosters {

    private final MongoTemplate mongo;

    SessionRosters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The delegates with a confirmed or waitlisted booking on the session, in delegate id order. */
    public List<String> delegateIds(String sessionId) {
        return booked(sessionId).stream().map(RosterEntry::delegateId).toList();
    }

    /** The confirmed and waitlisted bookings of a session, in delegate id order. */
    List<RosterEntry> booked(String sessionId) {
        return mongo.find(Query.query(Criteria.where("sessionId").is(sessionId).and("status")
                .in(RosterEntry.Status.CONFIRMED.name(), RosterEntry.Status.WAITLISTED.name()))
                .with(Sort.by("delegateId")), RosterEntry.class);
    }
}
