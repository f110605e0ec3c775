package org.conferenceops.platform.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.conferenceops.events.EventCodec;
import org.conferenceops.events.EventDescriptor;
import org.conferenceops.events.EventEnvelope;
import org.conferenceops.events.EventMetadata;
import org.conferenceops.events.IntegrationEvent;
import org.conferenceops.platform.correlation.Correlation;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Saves an aggregate together with the events its command raised, in one atomic write on its one document, then
 * wakes the relay. This is the only way services change aggregates and publish events.
 *
 * <p>A new aggregate is inserted (a duplicate id fails with {@code DuplicateKeyException}). An existing one is
 * updated with one conditional {@code updateOne}: its version must still be the one it was loaded with (else
 * {@link OptimisticLockingFailureException}, nothing written); its own fields are set; its new events are pushed
 * onto the outbox. The outbox is never rewritten by a command, so entries the relay has meanwhile published and
 * removed are not brought back, and the relay never makes a command fail.
 */
public class EventOutbox {

    private static final Set<String> OWNED_BY_OUTBOX = Set.of("_id", AggregateDocument.VERSION,
            AggregateDocument.OUTBOX, AggregateDocument.OUTBOX_SINCE, OutboxRelay.LEASE);

    private final MongoTemplate mongo;
    private final EventCodec codec;
    private final String serviceName;
    private final Clock clock;
    private final TraceContextSource traceContext;
    private final OutboxRelay relay;

    public EventOutbox(MongoTemplate mongo, EventCodec codec, String serviceName, Clock clock,
            TraceContextSource traceContext, OutboxRelay relay) {
        this.mongo = mongo;
        this.codec = codec;
        this.serviceName = serviceName;
        this.clock = clock;
        this.traceContext = traceContext;
        this.relay = relay;
    }

    /**
     * Stores the aggregate's new state and the events together, or nothing.
     *
     * @return the aggregate, carrying its new version
     * @throws OptimisticLockingFailureException if another write changed the aggregate since it was loaded
     * @throws org.springframework.dao.DuplicateKeyException if a new aggregate's id (or a unique field) is taken
     */
    public <A extends AggregateDocument> A save(A aggregate, List<? extends IntegrationEvent> events) {
        List<OutboxEntry> entries = entries(aggregate, events);
        A saved = aggregate.version() == null ? insert(aggregate, entries) : update(aggregate, entries);
        if (!entries.isEmpty()) {
            relay.wakeUp();
        }
        return saved;
    }

    private <A extends AggregateDocument> A insert(A aggregate, List<OutboxEntry> entries) {
        aggregate.appendToOutbox(entries);
        return mongo.insert(aggregate);
    }

    private <A extends AggregateDocument> A update(A aggregate, List<OutboxEntry> entries) {
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext()
                .getRequiredPersistentEntity(aggregate.getClass());
        Document state = new Document();
        mongo.getConverter().write(aggregate, state);
        Update update = new Update();
        for (MongoPersistentProperty property : entity) {
            String field = property.getFieldName();
            if (OWNED_BY_OUTBOX.contains(field) || property.isIdProperty() || property.isVersionProperty()) {
                continue;
            }
            if (state.containsKey(field)) {
                update.set(field, state.get(field));
            }
            else {
                update.unset(field);
            }
        }
        long loaded = aggregate.version();
        update.inc(AggregateDocument.VERSION, 1);
        if (!entries.isEmpty()) {
            List<Object> pushed = new ArrayList<>(entries.size());
            for (OutboxEntry entry : entries) {
                pushed.add(mongo.getConverter().convertToMongoType(entry));
            }
            update.push(AggregateDocument.OUTBOX).each(pushed.toArray());
            update.min(AggregateDocument.OUTBOX_SINCE, entries.getFirst().createdAt());
        }
        Object id = entity.getIdentifierAccessor(aggregate).getRequiredIdentifier();
        Query expected = Query.query(Criteria.where("_id").is(id).and(AggregateDocument.VERSION).is(loaded));
        UpdateResult result = mongo.updateFirst(expected, update, entity.getCollection());
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException(entity.getType().getSimpleName() + " " + id
                    + " was changed concurrently (expected version " + loaded + ")");
        }
        aggregate.versionWritten(loaded + 1);
        return aggregate;
    }

    private List<OutboxEntry> entries(AggregateDocument aggregate, List<? extends IntegrationEvent> events) {
        List<OutboxEntry> entries = new ArrayList<>(events.size());
        String traceparent = traceContext.currentTraceparent();
        for (IntegrationEvent event : events) {
            EventDescriptor descriptor = codec.catalogue().describe(event.getClass());
            EventMetadata metadata = new EventMetadata(UUID.randomUUID().toString(), serviceName, clock.instant(),
                    Correlation.correlationId(), Correlation.causationId(), aggregate.nextEventVersion(), traceparent);
            EventEnvelope envelope = codec.envelope(event, metadata);
            entries.add(new OutboxEntry(envelope.id(), envelope.type(), descriptor.topic(), envelope.subject(),
                    envelope.time(), codec.writeString(envelope), traceparent));
        }
        return entries;
    }
}
