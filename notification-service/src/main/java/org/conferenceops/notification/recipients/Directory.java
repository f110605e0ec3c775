package org.conferenceops.notification.recipients;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.conferenceops.events.registration.AccreditationCategory;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** What other features may ask about recipients: one delegate, a focal point, or an audience for a broadcast. */
@Component
public class Directory {

    private final RecipientRepository recipients;
    private final FocalPointContactRepository focalPoints;
    private final MongoTemplate mongo;

    Directory(RecipientRepository recipients, FocalPointContactRepository focalPoints, MongoTemplate mongo) {
        this.recipients = recipients;
        this.focalPoints = focalPoints;
        this.mongo = mongo;
    }

    public Optional<Recipient> delegate(String delegateId) {
        return recipients.findById(delegateId);
    }

    /** The known delegates among these ids (one query), in no particular order. */
    public List<Recipient> delegates(Collection<String> delegateIds) {
        if (delegateIds.isEmpty()) {
            return List.of();
        }
        List<Recipient> found = new ArrayList<>(delegateIds.size());
        recipients.findAllById(delegateIds).forEach(found::add);
        return found;
    }

    public Optional<FocalPointContact> focalPoint(String delegationId) {
        return focalPoints.findById(delegationId);
    }

    /**
     * The ids of the delegates of a conference matching a filter, in id order; erased delegates never match.
     *
     * @param delegationId only this delegation, or null for all
     * @param category     only this accreditation category, or null for all
     * @param status       only this standing, or null for all but withdrawn, rejected and erased
     */
    public List<String> delegateIds(String conferenceId, @Nullable String delegationId,
            @Nullable AccreditationCategory category, @Nullable RecipientStatus status) {
        Criteria criteria = Criteria.where("conferenceId").is(conferenceId);
        if (delegationId != null) {
            criteria = criteria.and("delegationId").is(delegationId);
        }
        if (category != null) {
            criteria = criteria.and("category").is(category.name());
        }
        criteria = status != null ? criteria.and("status").is(status.name())
                : criteria.and("status").in(RecipientStatus.REGISTERED.name(), RecipientStatus.ACCREDITED.name());
        Query query = Query.query(criteria).with(Sort.by("_id"));
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, "recipients").stream()
                .map(d -> d.getString("_id")).toList();
    }
}
