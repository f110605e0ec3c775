package org.conferenceops.infra.mongo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * A unique index (every collection's {@code _id} index among them) kept in a hash map in memory and rebuilt from the
 * documents when the collection is opened, as {@link SecondaryIndex} is. The H2 backend keeps unique indexes in a
 * store map whose keys it cannot compare natively: each comparison of its binary search serialised both keys with
 * Java serialisation, which made a look-up by {@code _id} — the start of every update — the largest single cost of
 * the server (16 % of the CPU of a 10,000-recipient fan-out). The documents themselves stay in the store, keyed by
 * their {@code _id}, so nothing on disk is lost by not storing this.
 */
final class MemoryUniqueIndex extends AbstractUniqueIndex<Object> {

    private final Map<KeyValue, Object> positions = new ConcurrentHashMap<>();

    MemoryUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    protected @Nullable Object removeDocument(KeyValue keyValue) {
        return positions.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return positions.putIfAbsent(keyValue, position) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return positions.entrySet();
    }

    @Override
    protected @Nullable Object getPosition(KeyValue keyValue) {
        return positions.get(keyValue);
    }

    /** Compared without computing key values when the indexed fields hold equal values (see SecondaryIndex). */
    @Override
    protected boolean nullAwareEqualsKeys(Document oldDocument, Document newDocument) {
        return SecondaryIndex.sameIndexedValues(keys(), oldDocument, newDocument)
                || super.nullAwareEqualsKeys(oldDocument, newDocument);
    }

    @Override
    public long getCount() {
        return positions.size();
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
