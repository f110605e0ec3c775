package org.conferenceops.infra.mongo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import it.unimi.dsi.fastutil.objects.Object2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectLinkedOpenHashSet;
import org.jspecify.annotations.Nullable;

/**
 * A non-unique index the MongoDB wire-protocol server lacks (it accepts such indexes and ignores them, so every
 * query not by {@code _id} reads the whole collection). Kept in memory and rebuilt from the documents when the
 * collection is opened; positions are the documents' {@code _id} values, which is what the H2 backend stores
 * documents under. It only narrows the candidates of a query: the server still matches every candidate against
 * the whole query, so a narrower plan can make a query faster but never change its answer.
 */
final class SecondaryIndex extends Index<Object> {

    private static final String ID_FIELD = MemoryUniqueIndex.ID_FIELD;

    /**
     * Positions by the values ({@link IndexKeys}) of the first n fields, for n = 1 .. all fields (so a prefix can be used too). A key
     * with one document maps to its position itself, a key with several to a {@link Positions} set: most keys of a
     * compound index (a status and a timestamp, a delegate and a timestamp) have one document, and a set for each
     * made a notification's index entries about 2.6 KB of the heap (about 1 KB without; docs/benchmarks.md). The maps
     * are open-addressing ones: a {@code HashMap} spends a 32-byte node on each key.
     */
    private final List<Map<@Nullable Object, Object>> positionsByPrefix = new ArrayList<>();
    private final Map<@Nullable Object, Object> positionsByKey;
    private long entries;

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        for (int i = 0; i < keys.size(); i++) {
            positionsByPrefix.add(new Object2ObjectOpenHashMap<>());
        }
        positionsByKey = positionsByPrefix.getLast();
    }

    /** The indexed fields, in index order. */
    List<String> fields() {
        return keys();
    }

    /**
     * Documents whose first indexed fields equal these (normalised) values, as many fields as the key values
     * have; a copy.
     */
    synchronized List<Object> positionsOf(Set<KeyValue> keyValues) {
        Set<Object> found = new LinkedHashSet<>();
        for (KeyValue keyValue : keyValues) {
            addTo(found, positionsUnder(keyValue));
        }
        POSITIONS_COPIED.add(found.size());
        return new ArrayList<>(found);
    }

    /**
     * Documents whose first indexed fields equal these values, like {@link #positionsOf}, as a view that copies
     * nothing: for a reader that holds the collection's lock while it reads (every change of this index holds it
     * too) and stops at a limit — taking one waiting job out of thousands reads one position, not thousands.
     */
    synchronized Iterable<Object> positionsView(Set<KeyValue> keyValues) {
        List<Iterable<Object>> found = new ArrayList<>(keyValues.size());
        for (KeyValue keyValue : keyValues) {
            Object positions = positionsUnder(keyValue);
            if (positions != null) {
                found.add(view(positions));
            }
        }
        return IndexedH2Collection.union(found);
    }

    /** The position or positions under a key value of as many of the first fields as it has; null if none. */
    private @Nullable Object positionsUnder(KeyValue keyValue) {
        return positionsByPrefix.get(keyValue.size() - 1).get(IndexKeys.of(keyValue));
    }

    /** Documents whose first indexed field holds a value, like {@link #positionsWithAValue}, as a view. */
    synchronized Iterable<Object> positionsWithAValueView() {
        List<Iterable<Object>> found = new ArrayList<>();
        positionsByPrefix.getFirst().forEach((key, positions) -> {
            if (key != null) {
                found.add(view(positions));
            }
        });
        return IndexedH2Collection.union(found);
    }

    /** Positions copied out of secondary indexes, counted so that tests can see how much a plan copied. */
    static final java.util.concurrent.atomic.LongAdder POSITIONS_COPIED = new java.util.concurrent.atomic.LongAdder();

    /**
     * How many positions {@link #positionsOf} would return at most (documents under several of the key values
     * count once each), without copying them: what a plan compares indexes by.
     */
    synchronized long countOf(Set<KeyValue> keyValues) {
        long count = 0;
        for (KeyValue keyValue : keyValues) {
            count += sizeOf(positionsUnder(keyValue));
        }
        return count;
    }

    /** How many positions {@link #positionsWithAValue} would return at most, without copying them. */
    synchronized long countWithAValue() {
        long count = 0;
        for (Map.Entry<@Nullable Object, Object> entry : positionsByPrefix.getFirst().entrySet()) {
            if (entry.getKey() != null) {
                count += sizeOf(entry.getValue());
            }
        }
        return count;
    }

    /** Documents whose first indexed field holds a value that is neither null nor missing; a copy. */
    synchronized List<Object> positionsWithAValue() {
        Set<Object> found = new LinkedHashSet<>();
        positionsByPrefix.getFirst().forEach((key, positions) -> {
            if (key != null) {
                addTo(found, positions);
            }
        });
        POSITIONS_COPIED.add(found.size());
        return new ArrayList<>(found);
    }

    @Override
    public @Nullable Object getPosition(Document document) {
        // not unique: a document's key values do not identify it
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        for (KeyValue keyValue : getKeyValues(document)) {
            for (int length = 1; length < keyValue.size(); length++) {
                addTo(positionsByPrefix.get(length - 1), IndexKeys.of(keyValue, length), position);
            }
            if (addTo(positionsByKey, IndexKeys.of(keyValue), position)) {
                entries++;
            }
        }
    }

    @Override
    public synchronized @Nullable Object remove(Document document) {
        Object position = document.get(ID_FIELD);
        if (position == null) {
            return null;
        }
        removeEntries(document, position);
        return position;
    }

    private void removeEntries(Document document, Object position) {
        for (KeyValue keyValue : getKeyValues(document)) {
            for (int length = 1; length < keyValue.size(); length++) {
                removeFrom(positionsByPrefix.get(length - 1), IndexKeys.of(keyValue, length), position);
            }
            if (removeFrom(positionsByKey, IndexKeys.of(keyValue), position)) {
                entries--;
            }
        }
    }

    /**
     * Several documents' positions under one key, in the order they were added: an array while there are few (most
     * such keys have two or three: a delegate's notifications created in the same instant), a hash set beyond
     * {@link #ARRAY_LIMIT}. A {@code LinkedHashSet} of two took 240 bytes, this 48. The hash set is an open-addressing
     * one that links its slots (about 16 bytes a position): a key prefix of few values (a conference, a status)
     * holds most documents of its collection, and a {@code LinkedHashSet} spent a 40-byte entry on each.
     */
    static final class Positions extends java.util.AbstractSet<Object> {

        static final int ARRAY_LIMIT = 16;

        private Object @Nullable [] array = new Object[2];
        private int size;
        private @Nullable ObjectLinkedOpenHashSet<Object> hashed;

        @Override
        public boolean add(Object position) {
            if (hashed != null) {
                return hashed.add(position);
            }
            Object[] positions = java.util.Objects.requireNonNull(array);
            if (indexOf(position) >= 0) {
                return false;
            }
            if (size == ARRAY_LIMIT) {
                hashed = new ObjectLinkedOpenHashSet<>(positions, 0, size);
                array = null;
                return hashed.add(position);
            }
            if (size == positions.length) {
                positions = java.util.Arrays.copyOf(positions, Math.min(ARRAY_LIMIT, size * 2));
                array = positions;
            }
            positions[size++] = position;
            return true;
        }

        @Override
        public boolean remove(Object position) {
            if (hashed != null) {
                return hashed.remove(position);
            }
            int i = indexOf(position);
            if (i < 0) {
                return false;
            }
            Object[] positions = java.util.Objects.requireNonNull(array);
            System.arraycopy(positions, i + 1, positions, i, size - i - 1);
            positions[--size] = null;
            return true;
        }

        private int indexOf(Object position) {
            Object[] positions = java.util.Objects.requireNonNull(array);
            for (int i = 0; i < size; i++) {
                if (positions[i].equals(position)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public boolean contains(Object position) {
            if (hashed != null) {
                return hashed.contains(position);
            }
            return indexOf(position) >= 0;
        }

        @Override
        public int size() {
            return hashed != null ? hashed.size() : size;
        }

        /** The position added first of those still here. */
        Object first() {
            return hashed != null ? hashed.first() : java.util.Objects.requireNonNull(array)[0];
        }

        @Override
        public java.util.Iterator<Object> iterator() {
            if (hashed != null) {
                return java.util.Collections.unmodifiableSet(hashed).iterator();
            }
            return java.util.Arrays.asList(java.util.Objects.requireNonNull(array)).subList(0, size).iterator();
        }
    }

    /** Adds a position under a key; false if it was there already. */
    private static boolean addTo(Map<@Nullable Object, Object> index, @Nullable Object keyValue, Object position) {
        Object positions = index.get(keyValue);
        if (positions == null) {
            index.put(keyValue, position);
            return true;
        }
        if (positions instanceof Positions several) {
            return several.add(position);
        }
        if (positions.equals(position)) {
            return false;
        }
        Positions several = new Positions();
        several.add(positions);
        several.add(position);
        index.put(keyValue, several);
        return true;
    }

    private static boolean removeFrom(Map<@Nullable Object, Object> index, @Nullable Object keyValue,
            Object position) {
        Object positions = index.get(keyValue);
        if (positions instanceof Positions several) {
            if (!several.remove(position)) {
                return false;
            }
            if (several.size() == 1) {
                index.put(keyValue, several.first());
            }
            return true;
        }
        if (positions == null || !positions.equals(position)) {
            return false;
        }
        index.remove(keyValue);
        return true;
    }

    private static int sizeOf(@Nullable Object positions) {
        return positions == null ? 0 : positions instanceof Positions several ? several.size() : 1;
    }

    private static void addTo(Set<Object> found, @Nullable Object positions) {
        if (positions instanceof Positions several) {
            found.addAll(several);
        }
        else if (positions != null) {
            found.add(positions);
        }
    }

    private static Iterable<Object> view(Object positions) {
        return positions instanceof Positions several ? java.util.Collections.unmodifiableSet(several)
                : List.of(positions);
    }

    @Override
    public boolean canHandle(Document query) {
        // plans are made by IndexedH2Collection, which also matches the rest of the query
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("secondary indexes are used through IndexedH2Collection");
    }

    @Override
    public synchronized long getCount() {
        return entries;
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    /**
     * Whether two versions of a document have the same key values here: when every indexed field holds an equal
     * value in both, without computing them. An update changes a few fields (a status, a timestamp, the outbox) and
     * the server compared every index's key values of both versions, normalising each one — a tenth of its time on
     * an update, and a gigabyte of garbage a minute under load.
     */
    @Override
    protected boolean nullAwareEqualsKeys(Document oldDocument, Document newDocument) {
        return sameIndexedValues(keys(), oldDocument, newDocument) || super.nullAwareEqualsKeys(oldDocument,
                newDocument);
    }

    /** True when each of these top-level fields holds equal values in both documents (false for a dotted path). */
    static boolean sameIndexedValues(List<String> fields, Document a, Document b) {
        for (String field : fields) {
            if (field.indexOf('.') >= 0 || !java.util.Objects.equals(a.get(field), b.get(field))
                    || a.containsKey(field) != b.containsKey(field)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
            removeEntries(oldDocument, position);
            add(newDocument, position, collection);
        }
    }

    @Override
    public synchronized void drop() {
        positionsByPrefix.forEach(Map::clear);
        entries = 0;
    }
}
