package org.conferenceops.infra.mongo;

import java.util.List;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with the indexes it lacks: non-unique (secondary) indexes are kept, and queries
 * use an index whenever one of them narrows the candidates ({@link IndexedH2Collection}). Without them every
 * conditional update and every read-model look-up scanned its whole collection under the collection's lock, which
 * made throughput fall as data grew (docs/benchmarks.md). Unique indexes ({@code _id} among them) are kept in
 * memory too ({@link MemoryUniqueIndex}); the documents stay in the store, and every index is rebuilt from them when
 * a collection is opened.
 */
final class IndexedH2Backend extends H2Backend {

    /**
     * The store of the database being opened: {@link H2Database}'s constructor opens collections before a
     * subclass's own fields are set, and keeps its store private.
     */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    /** The key, in a collection's meta map, of how its documents are stored; absent: Java serialisation. */
    static final String DOCUMENT_FORMAT = "conference-ops.documentFormat";
    static final String BSON = "bson";

    IndexedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        OPENING.set(getMvStore());
        try {
            return new IndexedDatabase(databaseName, getMvStore(), getCursorRegistry());
        }
        finally {
            OPENING.remove();
        }
    }

    private static final class IndexedDatabase extends H2Database {

        private final MVStore store;

        IndexedDatabase(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
            super(databaseName, store, cursorRegistry);
            this.store = store;
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // null while the superclass's constructor opens the existing collections
            @SuppressWarnings("ConstantValue")
            MVStore current = this.store != null ? this.store : OPENING.get();
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<String, Object> meta = current.openMap("meta." + fullName);
            MVMap<Object, Document> documents = openDocuments(current, "databases." + fullName, meta);
            return new IndexedH2Collection(this, collectionName, options, documents, meta, cursorRegistry);
        }

        /**
         * A collection's documents, stored as BSON ({@link BsonDocumentType}). A map written before, with H2's Java
         * serialisation, is converted first: copied into a new map, which then takes the old one's name, both in one
         * commit of the store, so that a crash leaves either the old map or the new one, never a mixture.
         */
        private static MVMap<Object, Document> openDocuments(MVStore store, String name, MVMap<String, Object> meta) {
            MVMap.Builder<Object, Document> bson = new MVMap.Builder<Object, Document>()
                    .valueType(BsonDocumentType.INSTANCE);
            if (!BSON.equals(meta.get(DOCUMENT_FORMAT)) && store.hasMap(name)) {
                int autoCommitDelay = store.getAutoCommitDelay();
                store.setAutoCommitDelay(0);
                try {
                    MVMap<Object, Document> serialised = store.openMap(name);
                    MVMap<Object, Document> converted = store.openMap("converting." + name, bson);
                    converted.clear();
                    serialised.forEach(converted::put);
                    store.removeMap(serialised);
                    store.renameMap(converted, name);
                    meta.put(DOCUMENT_FORMAT, BSON);
                    store.commit();
                    return converted;
                }
                finally {
                    store.setAutoCommitDelay(autoCommitDelay);
                }
            }
            meta.put(DOCUMENT_FORMAT, BSON);
            return store.openMap(name, bson);
        }

        /**
         * An aggregation whose pipeline begins with {@code $match} reads only what its indexes say may match
         * ({@link IndexedH2Collection#queryAllAsStream}).
         */
        @Override
        public Document handleCommand(io.netty.channel.Channel channel, String command, Document query,
                de.bwaldvogel.mongo.backend.DatabaseResolver resolver, de.bwaldvogel.mongo.oplog.Oplog oplog) {
            Document match = "aggregate".equalsIgnoreCase(command) && query.get(command) instanceof String
                    ? leadingMatch(query) : null;
            if (match == null) {
                return super.handleCommand(channel, command, query, resolver, oplog);
            }
            Document counted = countFromIndex((String) query.get(command), query, match);
            if (counted != null) {
                return counted;
            }
            IndexedH2Collection.beforeAggregation(getFullCollectionNamespace((String) query.get(command)), match);
            try {
                return super.handleCommand(channel, command, query, resolver, oplog);
            }
            finally {
                IndexedH2Collection.afterAggregation();
            }
        }

        /**
         * The answer to a count ({@code countDocuments}: {@code $match}, then {@code $group} of every document into
         * one {@code n}) whose filter an index answers exactly, from that index; null for any other aggregation.
         */
        private @org.jspecify.annotations.Nullable Document countFromIndex(String collectionName, Document aggregate,
                Document match) {
            if (!(aggregate.get("pipeline") instanceof List<?> stages) || stages.size() != 2
                    || !(stages.get(1) instanceof Document last) || last.size() != 1
                    || !(last.get("$group") instanceof Document group) || group.size() != 2
                    || group.get("_id") instanceof String || group.get("_id") instanceof Document
                    || !(group.get("n") instanceof Document sum) || !new Document("$sum", 1).equals(sum)
                    || !(resolveCollection(collectionName, false) instanceof IndexedH2Collection collection)) {
                return null;
            }
            long count = collection.countFromIndex(match);
            if (count < 0) {
                return null;
            }
            List<Document> batch = count == 0 ? List.of()
                    : List.of(new Document("_id", group.get("_id")).append("n", count <= Integer.MAX_VALUE
                            ? (Object) (int) count : (Object) count));
            return new Document("cursor", new Document("firstBatch", batch).append("id", 0L)
                    .append("ns", getFullCollectionNamespace(collectionName))).append("ok", 1.0);
        }

        private static @org.jspecify.annotations.Nullable Document leadingMatch(Document aggregate) {
            if (!(aggregate.get("pipeline") instanceof List<?> stages) || stages.isEmpty()
                    || !(stages.getFirst() instanceof Document first) || first.size() != 1
                    || !(first.get("$match") instanceof Document filter) || filter.isEmpty()) {
                return null;
            }
            return filter;
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            return new MemoryUniqueIndex(indexName, keys, sparse);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            return new SecondaryIndex(indexName, keys, sparse);
        }
    }
}
