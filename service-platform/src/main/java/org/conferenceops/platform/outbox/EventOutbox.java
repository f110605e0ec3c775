package org.conferenceops.platform.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.conferenceops.events.EventCodec;
import org.conferenceops.events.EventDescriptor;
import org.conferenceops.events.EventEnvelope;
import org.conferenceops.events.EventMetadata;
import org.conferenceops.events.IntegrationEvent;
import org.conferenceops.platform.correlation.Correlation;
import org.conferenceops.platform.ids.RandomIds;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.BulkOperations;
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
 * onto the outbox; the same write holds the aggregate for this process's relay ({@link OutboxRelay#hold}), which
 * then sends the events without claiming it first. The outbox is never rewritten by a command, so entries the relay
 * has meanwhile published and removed are not brought back, and the relay never makes a command fail.
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
        List<OutboxEntry> entries = entries(aggregate, events, Correlation.correlationId(), Correlation.causationId());
        A saved = aggregate.version() == null ? insert(aggregate, entries) : update(aggregate, entries);
        if (!entries.isEmpty()) {
            relay.wakeUp();
        }
        return saved;
    }

    /**
     * An aggregate read from a document fetched without the template (a bulk insert's own documents, read back),
     * remembered as stored, as every aggregate the template reads is: its next update writes only what changed.
     */
    public <A extends AggregateDocument> A read(Class<A> type, Document stored) {
        A aggregate = mongo.getConverter().read(type, stored);
        aggregate.storedAs(stored);
        return aggregate;
    }

    /**
     * Stores changes to several existing aggregates, each with its events, in one unordered bulk write: every change
     * is the conditional update {@link #save} makes, applied or refused on its own (a refused one writes nothing).
     * MongoDB's bulk result counts the updates that matched but does not name them, so this is for changes whose
     * loss to a concurrent writer is harmless to the caller, e.g. an outcome another worker records again after
     * taking the aggregate over; {@link #save} says which one lost.
     *
     * @return how many changes were written and how many were refused because their aggregate had changed
     */
    public <A extends AggregateDocument> BulkSave saveAll(List<Change<A>> changes) {
        if (changes.isEmpty()) {
            return new BulkSave(0, 0);
        }
        BulkOperations bulk = null;
        boolean events = false;
        List<Document> states = new ArrayList<>(changes.size());
        for (Change<A> change : changes) {
            A aggregate = change.aggregate();
            if (aggregate.version() == null) {
                throw new IllegalArgumentException("saveAll changes stored aggregates; insert new ones with save");
            }
            List<OutboxEntry> entries = entries(aggregate, change.events(), change.correlationId(),
                    change.causationId());
            events |= !entries.isEmpty();
            ConditionalUpdate update = conditionalUpdate(aggregate, entries);
            states.add(update.state());
            if (bulk == null) {
                bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, update.entity().getCollection());
            }
            bulk.updateOne(update.expected(), update.update());
        }
        int written = bulk.execute().getMatchedCount();
        for (int i = 0; i < changes.size(); i++) {
            A aggregate = changes.get(i).aggregate();
            if (written == changes.size()) {
                aggregate.versionWritten(aggregate.version() + 1);
                aggregate.storedAs(states.get(i));
            }
            else {
                // which were refused is not known: whatever the caller does next with these, it writes them whole
                aggregate.storedAs(null);
            }
        }
        if (events) {
            relay.wakeUp();
        }
        return new BulkSave(written, changes.size() - written);
    }

    /**
     * An aggregate's new state (carrying the version it was loaded with), the events its command raised, and the
     * flow they continue: a bulk save may store changes made for several flows at once (the notifications of
     * several events' fan-outs), so each change carries its own correlation, by default the current one.
     */
    public record Change<A extends AggregateDocument>(A aggregate, List<? extends IntegrationEvent> events,
            @org.jspecify.annotations.Nullable String correlationId,
            @org.jspecify.annotations.Nullable String causationId) {

        /** A change made in the current flow ({@link Correlation}). */
        public Change(A aggregate, List<? extends IntegrationEvent> events) {
            this(aggregate, events, Correlation.correlationId(), Correlation.causationId());
        }
    }

    /** What a {@link #saveAll} wrote: {@code written} changes, {@code refused} for a concurrent change. */
    public record BulkSave(int written, int refused) {
    }

    private <A extends AggregateDocument> A insert(A aggregate, List<OutboxEntry> entries) {
        aggregate.appendToOutbox(entries);
        Document hold = entries.isEmpty() ? null : relay.hold();
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext()
                .getRequiredPersistentEntity(aggregate.getClass());
        if (hold == null || entity.getIdentifierAccessor(aggregate).getIdentifier() == null) {
            // the document inserted is remembered by the after-save callback (RememberStoredAggregates)
            return mongo.insert(aggregate);
        }
        // the mapped document as MongoTemplate would insert it (version 0), with the hold for this relay
        Document document = new Document();
        mongo.getConverter().write(aggregate, document);
        document.put(AggregateDocument.VERSION, 0L);
        document.put(OutboxRelay.LEASE, hold);
        mongo.insert(document, entity.getCollection());
        aggregate.versionWritten(0);
        aggregate.storedAs(document);
        return aggregate;
    }

    private <A extends AggregateDocument> A update(A aggregate, List<OutboxEntry> entries) {
        ConditionalUpdate conditional = conditionalUpdate(aggregate, entries);
        MongoPersistentEntity<?> entity = conditional.entity();
        UpdateResult result = mongo.updateFirst(conditional.expected(), conditional.update(), entity.getCollection());
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException(entity.getType().getSimpleName() + " "
                    + entity.getIdentifierAccessor(aggregate).getRequiredIdentifier()
                    + " was changed concurrently (expected version " + aggregate.version() + ")");
        }
        aggregate.versionWritten(aggregate.version() + 1);
        aggregate.storedAs(conditional.state());
        return aggregate;
    }

    /** A conditional update and the aggregate's fields as they are stored once it is applied. */
    private record ConditionalUpdate(MongoPersistentEntity<?> entity, Query expected, Update update, Document state) {
    }

    /**
     * The update of a stored aggregate: its own fields set (or unset) where they differ from the document it was read
     * from or last written as, or all of them when that is not known; its version moved on; its new events pushed
     * onto its outbox — if its version is still the one it was loaded with. The version condition makes the two the
     * same: at that version the stored fields are the ones read. Setting only what changed keeps each write small
     * (a delivered notification changes 7 of its 25 fields), for the database and for the mapping before it.
     */
    private ConditionalUpdate conditionalUpdate(AggregateDocument aggregate, List<OutboxEntry> entries) {
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext()
                .getRequiredPersistentEntity(aggregate.getClass());
        Document state = new Document();
        mongo.getConverter().write(aggregate, state);
        Document before = aggregate.stored();
        Update update = new Update();
        for (MongoPersistentProperty property : entity) {
            String field = property.getFieldName();
            if (OWNED_BY_OUTBOX.contains(field) || property.isIdProperty() || property.isVersionProperty()) {
                continue;
            }
            if (state.containsKey(field)) {
                if (before == null || !before.containsKey(field) || !Objects.equals(before.get(field),
                        state.get(field))) {
                    update.set(field, state.get(field));
                }
            }
            else if (before == null || before.containsKey(field)) {
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
            Document hold = relay.hold();
            if (hold != null) {
                update.set(OutboxRelay.LEASE, hold);
            }
        }
        Object id = entity.getIdentifierAccessor(aggregate).getRequiredIdentifier();
        Query expected = Query.query(Criteria.where("_id").is(id).and(AggregateDocument.VERSION).is(loaded));
        return new ConditionalUpdate(entity, expected, update, state);
    }

    private List<OutboxEntry> entries(AggregateDocument aggregate, List<? extends IntegrationEvent> events,
            @org.jspecify.annotations.Nullable String correlationId,
            @org.jspecify.annotations.Nullable String causationId) {
        List<OutboxEntry> entries = new ArrayList<>(events.size());
        String traceparent = traceContext.currentTraceparent();
        for (IntegrationEvent event : events) {
            EventDescriptor descriptor = codec.catalogue().describe(event.getClass());
            EventMetadata metadata = new EventMetadata(RandomIds.next(), serviceName, clock.instant(),
                    correlationId, causationId, aggregate.nextEventVersion(), traceparent);
            EventEnvelope envelope = codec.envelope(event, metadata);
            entries.add(new OutboxEntry(envelope.id(), envelope.type(), descriptor.topic(), envelope.subject(),
                    envelope.time(), codec.writeString(envelope), traceparent));
        }
        return entries;
    }
}
