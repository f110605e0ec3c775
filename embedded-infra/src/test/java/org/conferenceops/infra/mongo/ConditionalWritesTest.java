package org.conferenceops.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The embedded server keeps the promise every service relies on (DESIGN.md §4.1): a write conditional on the version
 * it read either lands on exactly that version or matches nothing, so read-modify-write with retry loses nothing,
 * whoever creates the document first; and no reader sees a write half-applied.
 */
class ConditionalWritesTest {

    @RepeatedTest(3)
    void manyWritersAppendingThroughVersionedReadModifyWriteLoseNoWrite() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.builder().build().start();
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> lists = client.getDatabase("writes").getCollection("lists");
            int writers = 80;
            List<Callable<Integer>> appends = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String item = "item-" + i;
                appends.add(() -> append(lists, item));
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
                for (Future<Integer> attempts : pool.invokeAll(appends)) {
                    assertThat(attempts.get()).isPositive();
                }
            }

            Document list = lists.find(Filters.eq("_id", "list")).first();
            assertThat(list).isNotNull();
            assertThat(list.getList("items", String.class)).hasSize(writers).doesNotHaveDuplicates();
            assertThat(list.getLong("version")).isEqualTo(writers - 1L);
        }
    }

    @RepeatedTest(3)
    void noReaderEverSeesAHalfAppliedWrite() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.builder().build().start();
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> lists = client.getDatabase("writes").getCollection("lists");
            lists.insertOne(new Document("_id", "list").append("version", 0L).append("items", List.of())
                    .append("note", "v0").append("log", List.of()).append("meta", new Document("version", 0L)));
            java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
            java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
            List<String> torn = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                List<Future<?>> readers = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    readers.add(pool.submit(() -> {
                        while (writing.get()) {
                            Document seen = lists.find(Filters.eq("_id", "list")).first();
                            long version = seen.getLong("version");
                            // every write changes all its fields together: the version, the items, the note, and
                            // inside nested values (an array pushed to, a field of a sub-document)
                            if (seen.getList("items", String.class).size() != version
                                    || !seen.getString("note").equals("v" + version)
                                    || seen.getList("log", String.class).size() != version
                                    || seen.get("meta", Document.class).getLong("version") != version) {
                                torn.add("version " + version + " with " + seen.getList("items", String.class).size()
                                        + " items, note " + seen.getString("note"));
                            }
                            reads.incrementAndGet();
                        }
                    }));
                }
                List<String> items = new ArrayList<>();
                for (long version = 0; version < 400; version++) {
                    items.add("item-" + version + "-" + "x".repeat(200));
                    lists.updateOne(new Document("_id", "list").append("version", version), Updates.combine(
                            Updates.set("note", "v" + (version + 1)), Updates.inc("version", 1L),
                            Updates.set("items", items), Updates.push("log", "entry-" + version),
                            Updates.inc("meta.version", 1L)));
                }
                writing.set(false);
                for (Future<?> reader : readers) {
                    reader.get();
                }
            }

            assertThat(reads.get()).isPositive();
            assertThat(torn).as("documents read half-updated").isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void aReadByIdIsAnsweredWhileAWriteHoldsTheCollectionAndOtherQueriesWaitForIt() throws Exception {
        IndexedH2Backend backend = new IndexedH2Backend(org.h2.mvstore.MVStore.open(null));
        de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(backend);
        java.net.InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":"
                + address.getPort())) {
            MongoCollection<Document> bookings = client.getDatabase("reads").getCollection("bookings");
            bookings.insertOne(new Document("_id", "b-1").append("status", "CONFIRMED").append("version", 3L));
            Object collection = backend.resolveDatabase("reads").resolveCollection("bookings", true);
            long withoutLock = IndexedH2Collection.READS_BY_ID_WITHOUT_LOCK.sum();
            try (ExecutorService readers = Executors.newFixedThreadPool(2)) {
                Future<Document> byStatus;
                // a write in progress holds the collection's lock
                synchronized (collection) {
                    // as a repository reads by id, with another condition (a flat filter, as Spring Data writes)
                    Future<Document> byId = readers.submit(() -> bookings.find(new Document("_id", "b-1")
                            .append("version", 3L)).first());
                    Future<Document> waiting = readers.submit(() -> bookings.find(Filters.eq("status", "CONFIRMED"))
                            .first());
                    byStatus = waiting;
                    assertThat(byId.get(10, java.util.concurrent.TimeUnit.SECONDS).getString("status"))
                            .isEqualTo("CONFIRMED");
                    // a query not by id waits for the write, however long it holds the collection
                    org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(300))
                            .atMost(java.time.Duration.ofSeconds(5)).until(() -> !waiting.isDone());
                }
                assertThat(byStatus.get(10, java.util.concurrent.TimeUnit.SECONDS).getString("_id")).isEqualTo("b-1");
            }
            assertThat(IndexedH2Collection.READS_BY_ID_WITHOUT_LOCK.sum() - withoutLock).isEqualTo(1);
            // the other conditions of a read by id are still matched, and a missing id finds nothing
            assertThat(bookings.find(new Document("_id", "b-1").append("version", 2L)).first()).isNull();
            assertThat(bookings.find(Filters.eq("_id", "b-2")).first()).isNull();
            assertThat(bookings.find(Filters.eq("_id", "b-1")).projection(new Document("status", 1)).first())
                    .isEqualTo(new Document("_id", "b-1").append("status", "CONFIRMED"));
        }
        finally {
            server.shutdownNow();
        }
    }

    /** Read, append, write on the version read (insert when absent); again on a lost race. */
    private static int append(MongoCollection<Document> lists, String item) {
        for (int attempt = 1; ; attempt++) {
            Document current = lists.find(Filters.eq("_id", "list")).first();
            if (current == null) {
                try {
                    lists.insertOne(new Document("_id", "list").append("version", 0L)
                            .append("items", List.of(item)));
                    return attempt;
                }
                catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue;
                }
            }
            List<String> items = new ArrayList<>(current.getList("items", String.class));
            items.add(item);
            long version = current.getLong("version");
            // a flat filter, as Spring Data writes {_id, version}
            if (lists.updateOne(new Document("_id", "list").append("version", version),
                    Updates.combine(Updates.set("items", items), Updates.inc("version", 1L))).getMatchedCount() == 1) {
                return attempt;
            }
        }
    }
}
