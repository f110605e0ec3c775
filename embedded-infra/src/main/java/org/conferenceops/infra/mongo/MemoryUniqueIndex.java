package org.conferenceops.infra.mongo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.jspecify.annotations.Nullable;

/**
 * A unique index (every collection's {@code _id} index among them) kept in a hash map in memory and rebuilt from the
 * documents when the collection is opened, as {@link SecondaryIndex} is. The H2 backend keeps unique indexes in a
 * store map whose keys it cannot compare natively: each comparison of its binary search serialised both keys with
 * Java serialisation, which made a look-up by {@code _id} — the start of every update — the largest single cost of
 * the server (16 % of the CPU of a 10,000-recipient fan-out). The documents themselves stay in the store, keyed by
 * their {@code _id}, so nothing on disk is lost by not storing this.
 *
 * <p>A collection's {@code _id} index is answered by the store itself for string and object ids (every id the
 * services use): the store's map is keyed by exactly those values, so the index keeps no entry of its own for them
 * ({@link #answeredByStore}). Each entry here took ~150 bytes of the heap per document of every collection, in a
 * heap the collector was compacting in full every two seconds by the end of the registration benchmark. Other ids
 * (numbers, which MongoDB compares by value whatever their type) are kept in the map as before.
 */
final class MemoryUniqueIndex extends AbstractUniqueIndex<Object> {

    /** The field documents are stored under in the store's map. */
    static final String ID_FIELD = "_id";

    /** Positions by {@link IndexKeys key} ({@link #NULL_KEY} for a key of one null value). */
    private final Map<Object, Object> positions = new ConcurrentHashMap<>();

    /** The map's key of a key value that is one null (or missing) field: the map takes no null key. */
    private static final Object NULL_KEY = new Object();

    /** The documents of the collection, by {@code _id}, when this is its {@code _id} index. */
    private volatile @Nullable MVMap<Object, ?> store;

    MemoryUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    /** Whether this is an index on {@code _id} alone, which the store can answer. */
    boolean isIdIndex() {
        return keys().equals(List.of(ID_FIELD));
    }

    /**
     * Makes this {@code _id} index answer string and object ids from the collection's store, which keys documents
     * by them; the store's other ids (if any) are indexed here, as before.
     */
    void answerFromStore(MVMap<Object, ?> documents) {
        if (!isIdIndex()) {
            throw new IllegalStateException("only an index on _id alone can be answered by the store");
        }
        store = documents;
        for (Object id : documents.keySet()) {
            if (!isStoreKey(id)) {
                positions.put(mapKey(new KeyValue(List.of(id)).normalized()), id);
            }
        }
    }

    /**
     * A value the store keys a document by as it is, so that the store's map answers for it: a string or an object
     * id (normalising leaves them as they are; numbers are compared by value across types).
     */
    static boolean isStoreKey(@Nullable Object value) {
        return value instanceof String || value instanceof ObjectId;
    }

    /** Whether the store answers for this key value (a string or object id, in the {@code _id} index). */
    private boolean answeredByStore(KeyValue keyValue) {
        return store != null && keyValue.size() == 1 && isStoreKey(keyValue.get(0));
    }

    /**
     * Adds a document's key; for an id the store answers, nothing to add: the server checked before storing the
     * document that no other has its id ({@link #checkAdd}, under the collection's lock), and the store now has it.
     */
    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (store != null && isStoreKey(document.get(ID_FIELD))) {
            return;
        }
        super.add(document, position, collection);
    }

    @Override
    protected @Nullable Object removeDocument(KeyValue keyValue) {
        if (answeredByStore(keyValue)) {
            // the collection removes the document from the store with the position given here: its id
            return keyValue.get(0);
        }
        return positions.remove(mapKey(keyValue));
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return positions.putIfAbsent(mapKey(keyValue), position) == null;
    }

    private static Object mapKey(KeyValue keyValue) {
        Object key = IndexKeys.of(keyValue);
        return key != null ? key : NULL_KEY;
    }

    private static KeyValue keyValueOf(Object mapKey) {
        return IndexKeys.keyValueOf(mapKey == NULL_KEY ? null : mapKey);
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        MVMap<Object, ?> documents = store;
        java.util.stream.Stream<Map.Entry<KeyValue, Object>> kept = positions.entrySet().stream()
                .map(entry -> Map.entry(keyValueOf(entry.getKey()), entry.getValue()));
        if (documents == null) {
            return kept::iterator;
        }
        return () -> java.util.stream.Stream.concat(
                documents.keySet().stream().filter(MemoryUniqueIndex::isStoreKey)
                        .map(id -> Map.entry(new KeyValue(List.of(id)), id)),
                kept).iterator();
    }

    @Override
    protected @Nullable Object getPosition(KeyValue keyValue) {
        MVMap<Object, ?> documents = store;
        if (documents != null && answeredByStore(keyValue)) {
            Object id = keyValue.get(0);
            return documents.containsKey(id) ? id : null;
        }
        return positions.get(mapKey(keyValue));
    }

    /** Compared without computing key values when the indexed fields hold equal values (see SecondaryIndex). */
    @Override
    protected boolean nullAwareEqualsKeys(Document oldDocument, Document newDocument) {
        return SecondaryIndex.sameIndexedValues(keys(), oldDocument, newDocument)
                || super.nullAwareEqualsKeys(oldDocument, newDocument);
    }

    /** How many keys this index holds itself (the store answers for the rest), for tests. */
    int entriesKept() {
        return positions.size();
    }

    @Override
    public long getCount() {
        MVMap<Object, ?> documents = store;
        // the store holds every document, the map here those of its ids the store does not answer for
        return documents != null ? documents.size() : positions.size();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        positions.clear();
    }
}
