package org.conferenceops.notification.delivery;

import org.conferenceops.events.registration.DelegateErased;
import org.conferenceops.platform.messaging.EventContext;
import org.conferenceops.platform.messaging.EventHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Forgets where an erased delegate's notifications went: their addresses are removed from the delivery log and
 * marked erased; ids, kinds and outcomes stay. The version moves, so a worker holding a stale copy cannot write the
 * address back. Idempotent.
 */
@Component
class AddressErasure implements EventHandler<DelegateErased> {

    private final MongoTemplate mongo;

    AddressErasure(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Class<DelegateErased> eventType() {
        return DelegateErased.class;
    }

    @Override
    public void handle(DelegateErased event, EventContext context) {
        mongo.updateMulti(Query.query(Criteria.where("delegateId").is(event.delegateId()).and("addressErased").is(false)),
                new Update().unset("address").set("addressErased", true).inc("version", 1), Notification.class);
    }
}
