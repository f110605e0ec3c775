package org.conferenceops.infra.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.jspecify.annotations.Nullable;

/**
 * An H2-backed collection that uses its indexes for more queries than the server does: the server uses an index
 * only when the query names exactly the index's fields, so {@code {_id: x, version: 3}} (every conditional
 * update of an aggregate) and {@code {conferenceId: c, status: s}} read every document. Here a query is answered
 * from the candidates of the index that narrows it most: equality conditions at the top level of the query on
 * all its fields (or, for a non-unique index, on its first fields), or {@code $in} or {@code $ne: null} on its
 * first field, and a top-level {@code $or} whose every alternative is narrowed so; the server then matches each
 * candidate against the whole query as before. Candidates are visited in the collection's key order, as a full
 * read would visit them — except by a limited query without an order, which MongoDB answers with any matches: it
 * takes them in index order.
 */
final class IndexedH2Collection extends H2Collection {

    /** Queries answered by reading every document, counted so that tests can see which queries use an index. */
    static final java.util.concurrent.atomic.LongAdder FULL_READS = new java.util.concurrent.atomic.LongAdder();

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IndexedH2Collection.class);
    private static final int FULL_READ_REPORT_THRESHOLD = 2_000;

    private static final String ID_FIELD = MemoryUniqueIndex.ID_FIELD;

    private final MVMap<Object, Document> documents;
    private final Set<String> reportedShapes = java.util.concurrent.ConcurrentHashMap.newKeySet();

    IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, documents, meta, cursorRegistry);
        this.documents = documents;
    }

    /**
     * Whether the query running now finds the documents an update is about to change (guarded by the collection's
     * monitor, which every operation holds).
     */
    private boolean updating;

    /**
     * Updates never change a stored document object. The server applies an update by removing and putting the
     * fields of the document its query found, one by one, and serialises query answers after releasing the
     * collection's lock: when the query handed it the stored object, a concurrent reader still serialising that
     * object could see it half-updated — a new version with old fields. A writer that read such a torn document
     * wrote its change conditionally on that version and erased the fields of the write it had half seen (measured:
     * 80 concurrent inscriptions on one speakers list, one lost in about one run of three). So the documents an
     * update works on are copies; the backend then stores the updated document as a new object, and every object a
     * reader holds stays as it was read. A real MongoDB never shows a half-applied single-document write. (The copies
     * are of the top level: see {@link #queryDocuments}.)
     */
    @Override
    public synchronized Document updateDocuments(Document selector, Document update,
            de.bwaldvogel.mongo.backend.ArrayFilters arrayFilters, boolean isMulti, boolean isUpsert,
            de.bwaldvogel.mongo.oplog.Oplog oplog) {
        updating = true;
        try {
            return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
        }
        finally {
            updating = false;
        }
    }

    /** Reads by {@code _id} answered without the collection's lock, counted so that tests can see that they were. */
    static final java.util.concurrent.atomic.LongAdder READS_BY_ID_WITHOUT_LOCK =
            new java.util.concurrent.atomic.LongAdder();

    /**
     * A query by {@code _id} (a string or object id: every aggregate read by id, four to six per request) reads the
     * document from the store without taking the collection's lock, which the server holds for every operation,
     * reads included: in a booking rush, requests spent more time waiting for that lock to read one document than
     * doing anything else (docs/benchmarks.md). The store's map is safe to read during writes and gives a whole
     * document, the one stored before or after a concurrent write: no stored document object is ever changed (see
     * {@link #updateDocuments}), and a write is acknowledged only after its document is in the map, so a reader
     * sees every write acknowledged before its read began. Other conditions in the query are matched against the
     * document as the server matches them. Queries made inside a write (an update finding its documents) take the
     * usual way, under the lock the write holds.
     */
    @Override
    public QueryResult handleQuery(de.bwaldvogel.mongo.backend.QueryParameters parameters) {
        Document query = part(parameters.getQuerySelector(), "query");
        Object id = query.get(ID_FIELD);
        if (!MemoryUniqueIndex.isStoreKey(id)
                || !part(parameters.getQuerySelector(), "orderby").isEmpty() || !ID_FIELD.equals(getIdField())
                || Thread.holdsLock(this)) {
            return super.handleQuery(parameters);
        }
        READS_BY_ID_WITHOUT_LOCK.increment();
        Document stored = documents.get(id);
        return matchDocumentsFromStream(stored == null ? java.util.stream.Stream.empty()
                : java.util.stream.Stream.of(stored), query, null, parameters.getNumberToSkip(), parameters.getLimit(),
                parameters.getBatchSize(), parameters.getProjection());
    }

    /**
     * The filter ({@code query}) or order ({@code orderby}) of a query as the server passes it: wrapped as
     * {@code $query}/{@code $orderby} by a find command, as {@code query}/{@code orderby} by others, or the filter
     * alone; an empty document when there is none.
     */
    private static Document part(Document selector, String name) {
        for (String wrapper : List.of("$" + name, name)) {
            if (selector.containsKey(wrapper)) {
                return selector.get(wrapper) instanceof Document part ? part : new Document();
            }
        }
        boolean wrapped = selector.containsKey("$query") || selector.containsKey("query");
        return name.equals("query") && !wrapped ? selector : new Document();
    }

    /** The {@code _id} index is answered by the store for string and object ids (see {@link MemoryUniqueIndex}). */
    @Override
    public synchronized void addIndex(Index<Object> index) {
        if (index instanceof MemoryUniqueIndex unique && unique.isIdIndex()) {
            unique.answerFromStore(documents);
        }
        super.addIndex(index);
    }

    /** A find-and-modify works on copies too, for the same reason as {@link #updateDocuments}. */
    @Override
    public synchronized Document findAndModify(Document query) {
        updating = true;
        try {
            return super.findAndModify(query);
        }
        finally {
            updating = false;
        }
    }

    /**
     * The filter of the leading {@code $match} of the aggregation this thread is about to run on a collection, set
     * by the database around the command ({@link IndexedH2Backend}). The server runs every aggregation over a read
     * of the whole collection and matches afterwards, and Spring Data counts with an aggregation
     * ({@code countDocuments}: {@code $match}, then {@code $group}): a count of one session's notifications read,
     * and held at once, every notification — four such counts at 40,000 notifications ran a 768 MiB heap out.
     */
    private static final ThreadLocal<@Nullable PendingMatch> AGGREGATION_MATCH = new ThreadLocal<>();

    private record PendingMatch(String collection, Document filter) {
    }

    static void beforeAggregation(String collectionFullName, Document leadingMatch) {
        AGGREGATION_MATCH.set(new PendingMatch(collectionFullName, leadingMatch));
    }

    static void afterAggregation() {
        AGGREGATION_MATCH.remove();
    }

    /**
     * What an aggregation reads: the documents its leading {@code $match} may match, narrowed by the indexes as a
     * query is (the stage still matches each one); without one, every document, read as the stream is consumed, so
     * that a {@code $group} over a large collection holds its groups, not the collection. The filter applies to the
     * first read only: a {@code $lookup} into this same collection reads it whole.
     */
    @Override
    public java.util.stream.Stream<Document> queryAllAsStream() {
        PendingMatch match = AGGREGATION_MATCH.get();
        if (match != null && match.collection().equals(getFullName())) {
            AGGREGATION_MATCH.remove();
            return handleQueryAsStream(match.filter());
        }
        FULL_READS.increment();
        // the store's maps read a consistent version of the collection without its lock, and no stored document
        // object is ever changed in place (updates work on copies)
        return documents.values().stream();
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
            int batchSize, Document fieldSelector) {
        QueryResult answer = queryStoredDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        if (!updating) {
            return answer;
        }
        // copies of the top level only: the server computes the new version of a document as a deep copy of the
        // one it found, then replaces the found one's top-level fields with that copy's, so the nested values it
        // shares with the stored object are never changed (the library's own copy of the old version is deep);
        // deep-copying here too made three deep copies per update
        List<Document> copies = new ArrayList<>();
        for (Document document : answer) {
            copies.add(new Document(document));
        }
        return new QueryResult(copies, answer.getCursorId());
    }

    /**
     * No running total of the collection's BSON size: keeping it encoded every document twice per update (old and
     * new version, a tenth of the server's time in a fan-out) for {@code collStats}' {@code size}, which nothing
     * here reads.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    private QueryResult queryStoredDocuments(Document query, Document orderBy, int numberToSkip, int limit,
            int batchSize, Document fieldSelector) {
        Plan plan = orderBy != null && orderBy.containsKey("$natural") ? null : planOf(query);
        if (plan == null) {
            FULL_READS.increment();
            reportFullRead(query);
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        if (limit > 0 && (orderBy == null || orderBy.isEmpty())) {
            // a limited query without an order (a worker taking the next job) takes the first matches in index
            // order, oldest entry first, read from the index itself and only as far as the limit: copying (let
            // alone sorting) thousands of waiting jobs' positions to return one made taking a job cost O(n) in the
            // jobs waiting — half the server's time under a backlog. The server consumes the view before this
            // query's lock on the collection is released, and nothing changes the indexes meanwhile.
            return matchDocuments(query, plan.view().get(), orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        // every answer, or an ordered one: candidates in the collection's key order, as a full read visits them
        List<Object> candidates = plan.positions().get();
        candidates.sort(documents.getKeyType()::compare);
        return matchDocuments(query, candidates, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * Says once per query shape when a query reads every document of a large collection, naming its fields: the
     * index it lacks is usually obvious from them (and a real MongoDB would need it too).
     */
    private void reportFullRead(Document query) {
        if (query.isEmpty() || count() < FULL_READ_REPORT_THRESHOLD) {
            return;
        }
        String shape = getFullName() + " " + new java.util.TreeSet<>(query.keySet());
        if (reportedShapes.add(shape)) {
            log.info("Query on {} reads all {} documents: no index covers the fields {}", getFullName(), count(),
                    query.keySet());
        }
    }

    /** Counts answered from an index alone, counted so that tests can see that they were. */
    static final java.util.concurrent.atomic.LongAdder COUNTS_FROM_INDEXES =
            new java.util.concurrent.atomic.LongAdder();

    /**
     * How many documents match a query that an index answers exactly — equalities on the first fields of an index
     * and no other condition — without reading one (what a real MongoDB's COUNT_SCAN does); -1 for any other query.
     */
    synchronized long countFromIndex(Document query) {
        if (query.isEmpty() || !query.values().stream().allMatch(IndexedH2Collection::isPlainValue)) {
            return -1;
        }
        for (Index<Object> index : getIndexes()) {
            List<String> fields = index.getKeys().stream().map(key -> key.getKey()).toList();
            boolean prefix = fields.size() >= query.size()
                    && new java.util.HashSet<>(fields.subList(0, query.size())).equals(query.keySet());
            if (!prefix || (fields.size() > query.size() && !(index instanceof SecondaryIndex))) {
                continue;
            }
            Document equalities = new Document();
            fields.subList(0, query.size()).forEach(field -> equalities.put(field, query.get(field)));
            Plan plan = lookUpPlan(index, List.of(equalities));
            if (plan == null) {
                continue;
            }
            // a secondary index's count for one set of plain equalities is exact and copies nothing; a unique
            // index's estimate is an upper bound (one), so its positions are looked up
            long count = index instanceof SecondaryIndex ? plan.estimate() : plan.positions().get().size();
            COUNTS_FROM_INDEXES.increment();
            return count;
        }
        return -1;
    }

    /** The narrowest way the indexes narrow a query, or null when none does (every document may match). */
    private @Nullable Plan planOf(Document query) {
        if (query.isEmpty()) {
            return null;
        }
        query = withAndClausesLifted(query);
        List<Plan> withoutOr = plans(query);
        Plan best = withoutOr.isEmpty() ? null : withoutOr.getFirst();
        Plan ofAlternatives = query.get("$or") instanceof List<?> alternatives
                ? planOfAlternatives(query, alternatives) : null;
        if (ofAlternatives != null && (best == null || ofAlternatives.estimate() < best.estimate())) {
            return ofAlternatives;
        }
        return best;
    }

    /**
     * A top-level {@code $or}, as a real MongoDB answers it: each alternative (with the query's other conditions,
     * which must hold too) narrowed by its own index, the candidates being the union; null when one alternative
     * cannot be narrowed, since then every document may match. Estimated without copying a position, so that an
     * {@code $or} that narrows nothing more than the other conditions (a lease free or expired, on waiting jobs)
     * costs nothing beyond them.
     */
    private @Nullable Plan planOfAlternatives(Document query, List<?> alternatives) {
        if (alternatives.isEmpty()) {
            return null;
        }
        Document others = new Document(query);
        others.remove("$or");
        List<Plan> parts = new ArrayList<>(alternatives.size());
        long estimate = 0;
        for (Object alternative : alternatives) {
            if (!(alternative instanceof Document conditions)) {
                return null;
            }
            Document combined = new Document(others);
            conditions.forEach(combined::putIfAbsent);
            if (conditions.containsKey("$and")) {
                combined.put("$and", conditions.get("$and"));
            }
            Plan part = planOf(combined);
            if (part == null) {
                return null;
            }
            parts.add(part);
            estimate += part.estimate();
        }
        return new Plan(estimate, () -> {
            Set<Object> union = new LinkedHashSet<>();
            parts.forEach(part -> union.addAll(part.positions().get()));
            return new ArrayList<>(union);
        }, () -> union(parts.stream().map(part -> part.view().get()).toList()));
    }

    /** The positions of several views, each once, in order, read as they are consumed. */
    static Iterable<Object> union(List<Iterable<Object>> views) {
        if (views.size() == 1) {
            return views.getFirst();
        }
        return () -> views.stream().flatMap(view -> java.util.stream.StreamSupport.stream(view.spliterator(), false))
                .distinct().iterator();
    }

    /**
     * The ways the indexes narrow a query, the narrowest first. Indexes are compared by how many positions they
     * would give, and only the chosen one's are read: copying every index's positions to keep the smallest copied
     * tens of thousands (a status shared by most notifications) to answer a query by {@code _id} — 450 MB/s of
     * garbage in the benchmark, and a full collection of the heap every two seconds.
     */
    private List<Plan> plans(Document query) {
        List<Plan> plans = new ArrayList<>();
        for (Index<Object> index : getIndexes()) {
            Plan plan = planFor(index, query);
            if (plan != null) {
                plans.add(plan);
            }
        }
        plans.sort(java.util.Comparator.comparingLong(Plan::estimate));
        return plans;
    }

    /**
     * An index's way to a query's candidates: how many at most, a copy of them (a mutable list, for a reader that
     * sorts them or reads them after the collection's lock is released), and a view of them that copies nothing —
     * valid only while the caller holds the collection's lock, which every change of an index also holds.
     */
    private record Plan(long estimate, java.util.function.Supplier<List<Object>> positions,
            java.util.function.Supplier<Iterable<Object>> view) {
    }

    /**
     * The conditions of a top-level {@code $and} of documents (as query builders write several filters) lifted to
     * the top level, for choosing candidates only: every clause must hold, so each clause's condition narrows the
     * candidates as a top-level one would. A field given at both levels keeps its top-level condition.
     */
    private static Document withAndClausesLifted(Document query) {
        if (!(query.get("$and") instanceof List<?> clauses)) {
            return query;
        }
        Document lifted = new Document(query);
        for (Object clause : clauses) {
            if (clause instanceof Document conditions) {
                conditions.forEach((field, condition) -> {
                    if (!field.startsWith("$")) {
                        lifted.putIfAbsent(field, condition);
                    }
                });
            }
        }
        return lifted;
    }

    private @Nullable Plan planFor(Index<Object> index, Document query) {
        List<String> fields = index.getKeys().stream().map(key -> key.getKey()).toList();
        Document equalities = new Document();
        for (String field : fields) {
            if (!isPlainValue(query.get(field))) {
                break;
            }
            equalities.put(field, query.get(field));
        }
        if (equalities.size() == fields.size()
                || (index instanceof SecondaryIndex && !equalities.isEmpty())) {
            // all fields, or a prefix of a secondary index's fields, as a real MongoDB uses a compound index
            return lookUpPlan(index, List.of(equalities));
        }
        if (!equalities.isEmpty() || (fields.size() > 1 && !(index instanceof SecondaryIndex))) {
            return null;
        }
        Object condition = query.get(fields.getFirst());
        if (isInList(condition)) {
            List<Document> alternatives = new ArrayList<>();
            for (Object value : (Collection<?>) ((Document) condition).get("$in")) {
                if (!isPlainValue(value)) {
                    return null;
                }
                alternatives.add(new Document(fields.getFirst(), value));
            }
            return lookUpPlan(index, alternatives);
        }
        if (index instanceof SecondaryIndex secondary && isNotNull(condition)) {
            return new Plan(secondary.countWithAValue(), secondary::positionsWithAValue,
                    secondary::positionsWithAValueView);
        }
        return null;
    }

    /** The documents whose indexed fields equal one of these sets of equalities (one set, or one per $in value). */
    private @Nullable Plan lookUpPlan(Index<Object> index, List<Document> alternatives) {
        if (index instanceof SecondaryIndex secondary) {
            Set<KeyValue> keyValues = new LinkedHashSet<>();
            alternatives.forEach(equalities -> keyValues.addAll(keyValuesOf(equalities)));
            return new Plan(secondary.countOf(keyValues), () -> secondary.positionsOf(keyValues),
                    () -> secondary.positionsView(keyValues));
        }
        if (!(index instanceof AbstractUniqueIndex<Object> unique)
                || !alternatives.stream().allMatch(unique::canHandle)) {
            return null;
        }
        // a unique index holds at most one document per key
        java.util.function.Supplier<List<Object>> positions = () -> {
            Set<Object> found = new LinkedHashSet<>();
            alternatives.forEach(equalities -> unique.getPositions(equalities).forEach(found::add));
            return new ArrayList<>(found);
        };
        return new Plan(alternatives.size(), positions, positions::get);
    }


    /**
     * The normalised key values of equality conditions on the first fields of an index, read the way the index
     * reads documents (an index over exactly these fields does the reading).
     */
    private static Set<KeyValue> keyValuesOf(Document equalities) {
        List<de.bwaldvogel.mongo.backend.IndexKey> keys = equalities.keySet().stream()
                .map(field -> new de.bwaldvogel.mongo.backend.IndexKey(field, true)).toList();
        return new SecondaryIndex("query", keys, false).getKeyValues(asDocument(equalities));
    }

    /** Dotted field names become nested documents, so that the index reads the values as it reads documents. */
    private static Document asDocument(Document equalities) {
        Document document = new Document();
        equalities.forEach((field, value) -> {
            String[] path = field.split("\\.");
            Document parent = document;
            for (int i = 0; i < path.length - 1; i++) {
                Object child = parent.get(path[i]);
                if (!(child instanceof Document)) {
                    child = new Document();
                    parent.put(path[i], child);
                }
                parent = (Document) child;
            }
            parent.put(path[path.length - 1], value);
        });
        return document;
    }

    /** A value compared by equality: not null (which also matches missing fields), no operator, no array. */
    private static boolean isPlainValue(@Nullable Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection<?>)
                && !(value instanceof Pattern) && !BsonRegularExpression.isRegularExpression(value);
    }

    private static boolean isInList(@Nullable Object condition) {
        return condition instanceof Document document && document.size() == 1
                && document.get("$in") instanceof Collection<?>;
    }

    private static boolean isNotNull(@Nullable Object condition) {
        // not {$exists: true}, which also matches a field that holds null
        return condition instanceof Document document && document.size() == 1 && document.containsKey("$ne")
                && document.get("$ne") == null;
    }
}
