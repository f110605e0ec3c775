package org.conferenceops.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server's index use: same answers as reading everything, without reading everything. */
class IndexedH2BackendTest {

    @TempDir
    Path dataDir;

    @Test
    void queriesNarrowedByAnIndexAnswerExactlyAsAFullReadDoesThroughInsertsUpdatesAndDeletes() {
        try (EmbeddedMongo mongo = EmbeddedMongo.builder().build().start();
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> delegates = client.getDatabase("indexes").getCollection("delegates");
            delegates.createIndex(Indexes.ascending("conferenceId", "status"));
            delegates.createIndex(Indexes.ascending("tags"));
            delegates.createIndex(Indexes.ascending("outboxSince"), new IndexOptions().sparse(true));
            delegates.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            Random random = new Random(7);
            List<String> conferences = List.of("seoul-2021", "accra-2023", "berlin-2025");
            List<String> statuses = List.of("PENDING", "ACCREDITED", "REJECTED");
            for (int i = 0; i < 600; i++) {
                Document delegate = new Document("_id", "d-" + i).append("conferenceId", conferences.get(i % 3))
                        .append("status", statuses.get(random.nextInt(3))).append("version", (long) i % 5)
                        .append("email", "d" + i + "@example.org")
                        .append("tags", List.of("t" + random.nextInt(4), "t" + random.nextInt(4)));
                if (i % 7 == 0) {
                    delegate.append("outboxSince", new java.util.Date(1_000L * i));
                }
                else if (i % 11 == 0) {
                    delegate.append("outboxSince", null);
                }
                delegates.insertOne(delegate);
            }
            for (int i = 0; i < 300; i++) {
                String id = "d-" + random.nextInt(600);
                switch (random.nextInt(4)) {
                    case 0 -> delegates.updateOne(new Document("_id", id).append("version", 2L),
                            Updates.combine(Updates.set("status", "ACCREDITED"), Updates.inc("version", 1L)));
                    case 1 -> delegates.updateOne(Filters.eq("_id", id),
                            Updates.combine(Updates.set("conferenceId", conferences.get(random.nextInt(3))),
                                    Updates.unset("outboxSince")));
                    case 2 -> delegates.updateOne(Filters.eq("_id", id), Updates.set("outboxSince", new java.util.Date()));
                    default -> delegates.deleteOne(Filters.eq("_id", id));
                }
            }

            // flat documents, as Spring Data writes them (the driver's Filters.and always writes $and)
            List<Document> narrowed = List.of(
                    new Document("_id", "d-42").append("version", 2L),
                    new Document("_id", new Document("$in", List.of("d-1", "d-2", "d-3", "d-700")))
                            .append("status", "PENDING"),
                    new Document("conferenceId", "seoul-2021").append("status", "ACCREDITED"),
                    new Document("conferenceId", "accra-2023").append("status", "REJECTED")
                            .append("version", new Document("$gte", 2L)),
                    new Document("conferenceId", "accra-2023").append("version", new Document("$lt", 3L)),
                    new Document("conferenceId", new Document("$in", List.of("seoul-2021", "berlin-2025")))
                            .append("status", "REJECTED"),
                    new Document("tags", "t2"),
                    new Document("tags", new Document("$in", List.of("t0", "t3"))),
                    new Document("outboxSince", new Document("$ne", null)).append("conferenceId", "berlin-2025")
                            .append("$or", List.of(new Document("lease", new Document("$exists", false)),
                                    new Document("status", "PENDING"))),
                    new Document("outboxSince", new Document("$ne", null)),
                    new Document("email", "d12@example.org").append("conferenceId", "seoul-2021"),
                    // as a query builder writes several filters: the clauses' conditions narrow like top-level ones
                    new Document("$and", List.of(new Document("conferenceId", "seoul-2021"),
                            new Document("status", "PENDING"), new Document("version", new Document("$gt", 1L)))),
                    // $or: each alternative narrowed by its own index (with the other conditions), the union read
                    new Document("$or", List.of(new Document("conferenceId", "seoul-2021").append("status", "PENDING"),
                            new Document("tags", "t1"), new Document("_id", "d-599"))),
                    new Document("conferenceId", "berlin-2025").append("$or", List.of(
                            new Document("status", "PENDING").append("version", new Document("$lte", 2L)),
                            new Document("tags", new Document("$in", List.of("t0", "t2"))))),
                    new Document("$or", List.of(new Document("email", "d7@example.org"),
                            new Document("$and", List.of(new Document("tags", "t3"),
                                    new Document("version", new Document("$gt", 3L)))))));
            for (Document query : narrowed) {
                long fullReadsBefore = IndexedH2Collection.FULL_READS.sum();
                List<String> answer = ids(delegates, query);
                assertThat(IndexedH2Collection.FULL_READS.sum()).as("full reads for %s", query).isEqualTo(fullReadsBefore);
                // in natural order no index is used: every document is read
                List<String> fullRead = new ArrayList<>();
                delegates.find(query).sort(new Document("$natural", 1))
                        .forEach(document -> fullRead.add(document.getString("_id")));
                assertThat(IndexedH2Collection.FULL_READS.sum()).isGreaterThan(fullReadsBefore);
                assertThat(answer).as("answer to %s", query).isEqualTo(fullRead);
            }
            assertThat(ids(delegates, narrowed.get(2))).hasSizeGreaterThan(10);
            assertThat(ids(delegates, narrowed.get(4))).hasSizeGreaterThan(10);
            assertThat(ids(delegates, narrowed.get(9))).hasSizeGreaterThan(10);
            assertThat(ids(delegates, narrowed.get(12))).hasSizeGreaterThan(10);

            // a limited query without an order takes any matches (as a worker taking the next job does)
            long before = IndexedH2Collection.FULL_READS.sum();
            List<String> three = new ArrayList<>();
            delegates.find(narrowed.get(2)).limit(3).forEach(document -> three.add(document.getString("_id")));
            assertThat(IndexedH2Collection.FULL_READS.sum()).isEqualTo(before);
            assertThat(three).hasSize(3).isSubsetOf(ids(delegates, narrowed.get(2)));

            // an alternative that no index narrows: any document may match, so every one is read
            long fullReadsBefore = IndexedH2Collection.FULL_READS.sum();
            List<String> eitherOr = ids(delegates, new Document("$or", List.of(new Document("tags", "t1"),
                    new Document("version", 4L))));
            assertThat(IndexedH2Collection.FULL_READS.sum()).isGreaterThan(fullReadsBefore);
            assertThat(eitherOr).hasSizeGreaterThan(ids(delegates, new Document("tags", "t1")).size());
        }
    }

    @Test
    void aUniqueIndexRefusesASecondMissingValueAndAnswersRangesAndCompoundKeys() {
        try (EmbeddedMongo mongo = EmbeddedMongo.builder().build().start();
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> delegates = client.getDatabase("unique").getCollection("delegates");
            delegates.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            delegates.createIndex(Indexes.ascending("conferenceId", "badge", "seat"), new IndexOptions().unique(true));
            delegates.insertOne(new Document("_id", "d1").append("email", "a@example.org")
                    .append("conferenceId", "seoul").append("badge", 7).append("seat", "A1"));
            delegates.insertOne(new Document("_id", "d2").append("email", "b@example.org")
                    .append("conferenceId", "seoul").append("badge", 7).append("seat", "A2"));
            delegates.insertOne(new Document("_id", "d3").append("conferenceId", "accra"));

            assertThatThrownBy(() -> delegates.insertOne(new Document("_id", "d4").append("conferenceId", "berlin")))
                    .as("a second document without an e-mail address").hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> delegates.insertOne(new Document("_id", "d5").append("email", "c@example.org")
                    .append("conferenceId", "seoul").append("badge", 7L).append("seat", "A1")))
                    .as("the same three values, the number of another type").hasMessageContaining("duplicate key");
            assertThat(ids(delegates, new Document("email", new Document("$gt", "a@example.org"))))
                    .containsExactly("d2");

            delegates.deleteOne(Filters.eq("_id", "d3"));
            delegates.insertOne(new Document("_id", "d4").append("conferenceId", "berlin"));
            delegates.insertOne(new Document("_id", "d6").append("email", "d@example.org")
                    .append("conferenceId", "seoul").append("badge", 7).append("seat", "A3"));
            assertThat(delegates.countDocuments()).isEqualTo(4);
        }
    }

    @Test
    void countsAndAggregationsBeginningWithAMatchReadOnlyWhatTheIndexesNarrowItTo() {
        try (EmbeddedMongo mongo = EmbeddedMongo.builder().build().start();
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> notifications = client.getDatabase("aggregations").getCollection("notifications");
            notifications.createIndex(Indexes.ascending("sessionId", "status"));
            List<Document> all = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                all.add(new Document("_id", "n-" + i).append("sessionId", "s-" + (i % 30))
                        .append("status", i % 7 == 0 ? "FAILED" : "SENT").append("channel", i % 2 == 0 ? "EMAIL" : "FEED"));
            }
            notifications.insertMany(all);

            long before = IndexedH2Collection.FULL_READS.sum();
            // what MongoTemplate.count sends: countDocuments is a $match and a $group
            long ofSession = notifications.countDocuments(new Document("sessionId", "s-3"));
            long failedEmails = notifications.countDocuments(new Document("sessionId", "s-8").append("status", "FAILED")
                    .append("channel", "EMAIL"));
            List<Document> perStatus = notifications.aggregate(List.of(
                    new Document("$match", new Document("sessionId", new Document("$in", List.of("s-1", "s-2")))),
                    new Document("$group", new Document("_id", "$status").append("n", new Document("$sum", 1))),
                    new Document("$sort", new Document("_id", 1)))).into(new ArrayList<>());
            assertThat(IndexedH2Collection.FULL_READS.sum()).as("full reads").isEqualTo(before);

            assertThat(ofSession).isEqualTo(all.stream().filter(n -> n.get("sessionId").equals("s-3")).count());
            assertThat(failedEmails).isEqualTo(all.stream().filter(n -> n.get("sessionId").equals("s-8")
                    && n.get("status").equals("FAILED") && n.get("channel").equals("EMAIL")).count()).isPositive();
            assertThat(perStatus).extracting(d -> d.getString("_id") + "=" + d.getInteger("n")).containsExactly(
                    "FAILED=" + all.stream().filter(n -> List.of("s-1", "s-2").contains(n.get("sessionId"))
                            && n.get("status").equals("FAILED")).count(),
                    "SENT=" + all.stream().filter(n -> List.of("s-1", "s-2").contains(n.get("sessionId"))
                            && n.get("status").equals("SENT")).count());

            // no $match first: every document is read (as the stream goes), and the answer is the same
            List<Document> everyStatus = notifications.aggregate(List.of(
                    new Document("$group", new Document("_id", "$status").append("n", new Document("$sum", 1))),
                    new Document("$sort", new Document("_id", 1)))).into(new ArrayList<>());
            assertThat(IndexedH2Collection.FULL_READS.sum()).isGreaterThan(before);
            assertThat(everyStatus).extracting(d -> d.getString("_id") + "=" + d.getInteger("n"))
                    .containsExactly("FAILED=429", "SENT=2571");
            // a $match no index narrows is still answered right
            assertThat(notifications.countDocuments(new Document("channel", "FEED"))).isEqualTo(1_500);

            // a count whose filter is equalities on an index's first fields is answered by the index alone
            long fromIndexes = IndexedH2Collection.COUNTS_FROM_INDEXES.sum();
            long fullReads = IndexedH2Collection.FULL_READS.sum();
            long copied = SecondaryIndex.POSITIONS_COPIED.sum();
            assertThat(notifications.countDocuments(new Document("sessionId", "s-4").append("status", "SENT")))
                    .isEqualTo(all.stream().filter(n -> n.get("sessionId").equals("s-4")
                            && n.get("status").equals("SENT")).count());
            assertThat(notifications.countDocuments(new Document("status", "FAILED").append("sessionId", "s-0")))
                    .isEqualTo(all.stream().filter(n -> n.get("sessionId").equals("s-0")
                            && n.get("status").equals("FAILED")).count()).isPositive();
            assertThat(notifications.countDocuments(new Document("sessionId", "s-5"))).isEqualTo(100);
            assertThat(notifications.countDocuments(new Document("sessionId", "none"))).isZero();
            assertThat(notifications.countDocuments(new Document("_id", "n-12"))).isOne();
            assertThat(IndexedH2Collection.COUNTS_FROM_INDEXES.sum() - fromIndexes).isEqualTo(5);
            assertThat(SecondaryIndex.POSITIONS_COPIED.sum()).as("positions copied to count").isEqualTo(copied);
            // the rest of an index's fields without its first is not answered by it
            assertThat(notifications.countDocuments(new Document("status", "FAILED"))).isEqualTo(429);
            assertThat(IndexedH2Collection.COUNTS_FROM_INDEXES.sum() - fromIndexes).isEqualTo(5);
            assertThat(IndexedH2Collection.FULL_READS.sum()).isGreaterThan(fullReads);
        }
    }

    @Test
    void aPlanCopiesOnlyTheCandidatesOfTheIndexItChooses() {
        try (EmbeddedMongo mongo = EmbeddedMongo.builder().build().start();
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> notifications = client.getDatabase("plans").getCollection("notifications");
            notifications.createIndex(Indexes.ascending("status", "updatedAt"));
            notifications.createIndex(Indexes.ascending("jobId"));
            List<Document> all = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                all.add(new Document("_id", "n-" + i).append("status", "SENT").append("jobId", "job-" + i % 300)
                        .append("updatedAt", (long) i));
            }
            notifications.insertMany(all);

            long copied = SecondaryIndex.POSITIONS_COPIED.sum();
            // every notification is SENT: the _id index (one document) is chosen, the status index's 3,000 not copied
            assertThat(ids(notifications, new Document("_id", "n-42").append("status", "SENT"))).containsExactly("n-42");
            assertThat(SecondaryIndex.POSITIONS_COPIED.sum() - copied).isZero();
            // of two secondary indexes the one with fewer candidates is copied: 10 of a job, not 3,000 SENT
            assertThat(ids(notifications, new Document("jobId", "job-7").append("status", "SENT"))).hasSize(10);
            assertThat(SecondaryIndex.POSITIONS_COPIED.sum() - copied).isEqualTo(10);
            // the same in each alternative of an $or
            assertThat(ids(notifications, new Document("status", "SENT").append("$or", List.of(
                    new Document("jobId", "job-1"), new Document("jobId", new Document("$in", List.of("job-2", "job-3")))))))
                    .hasSize(30);
            assertThat(SecondaryIndex.POSITIONS_COPIED.sum() - copied).isEqualTo(40);
        }
    }

    @Test
    void takingOneOfThousandsOfWaitingJobsReadsTheIndexWithoutCopyingItsPositions() {
        try (EmbeddedMongo mongo = EmbeddedMongo.builder().build().start();
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> jobs = client.getDatabase("leases").getCollection("fanout_jobs");
            jobs.createIndex(Indexes.ascending("done", "urgent"));
            List<Document> all = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                // the first five are held by a live worker (lease until later), job-5 is the oldest ready one
                all.add(new Document("_id", "job-" + i).append("done", false).append("urgent", false)
                        .append("leaseUntil", i < 5 ? 2_000L : null));
            }
            jobs.insertMany(all);
            Bson ready = Filters.and(Filters.eq("done", false), Filters.eq("urgent", false),
                    Filters.or(Filters.eq("leaseUntil", null), Filters.lt("leaseUntil", 1_000L)));

            long copied = SecondaryIndex.POSITIONS_COPIED.sum();
            List<String> leased = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                leased.add(jobs.findOneAndUpdate(ready, Updates.set("leaseUntil", 2_000L)).getString("_id"));
            }
            // oldest ready first, each once, never one still held; and no position set copied to find them
            assertThat(leased).containsExactlyElementsOf(java.util.stream.IntStream.range(5, 25)
                    .mapToObj(i -> "job-" + i).toList());
            assertThat(SecondaryIndex.POSITIONS_COPIED.sum() - copied).as("positions copied").isZero();
            assertThat(ids(jobs.find(ready).limit(3))).containsExactly("job-25", "job-26", "job-27");

            // an unlimited query still answers every match in key order, from a copy
            assertThat(ids(jobs, ready)).hasSize(2_975);
            assertThat(SecondaryIndex.POSITIONS_COPIED.sum() - copied).isEqualTo(3_000);
        }
    }

    @Test
    void documentsAreStoredAsBsonAndAFileWrittenWithJavaSerialisationIsConvertedOnceWithEveryValueKept() {
        Path file = dataDir.resolve("legacy.mv");
        Document delegate = new Document("_id", "d-1").append("name", "Ana Silva").append("version", 3L)
                .append("count", 7).append("score", 1.5).append("active", true).append("none", null)
                .append("at", new java.util.Date(1_700_000_000_000L)).append("id", new org.bson.types.ObjectId())
                .append("amount", new org.bson.types.Decimal128(new java.math.BigDecimal("1250000.75")))
                .append("bytes", new org.bson.types.Binary(new byte[] {1, 2, 3}))
                .append("seats", List.of(new Document("delegateId", "x").append("role", "HEAD"), "plain", 4L))
                .append("nested", new Document("deeper", new Document("tags", List.of("a", "b"))));
        // a store as the library's own H2 backend writes it: documents Java-serialised
        de.bwaldvogel.mongo.MongoServer legacy = new de.bwaldvogel.mongo.MongoServer(
                new de.bwaldvogel.mongo.backend.h2.H2Backend(file.toString()));
        java.net.InetSocketAddress address = legacy.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> delegates = client.getDatabase("legacy").getCollection("delegates");
            delegates.insertOne(delegate);
            for (int i = 2; i <= 300; i++) {
                delegates.insertOne(new Document("_id", "d-" + i).append("conferenceId", "c-" + i % 3));
            }
        }
        finally {
            legacy.shutdownNow();
        }
        try (org.h2.mvstore.MVStore store = org.h2.mvstore.MVStore.open(file.toString())) {
            assertThat(store.openMap("meta.legacy.delegates").get(IndexedH2Backend.DOCUMENT_FORMAT)).isNull();
            assertThat(store.openMap("databases.legacy.delegates").getValueType())
                    .isNotInstanceOf(BsonDocumentType.class);
        }

        for (int opening = 0; opening < 2; opening++) {
            try (EmbeddedMongo mongo = EmbeddedMongo.builder().h2File(file).build().start();
                    MongoClient client = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> delegates = client.getDatabase("legacy").getCollection("delegates");
                assertThat(delegates.find(Filters.eq("_id", "d-1")).first()).isEqualTo(delegate);
                assertThat(delegates.countDocuments()).isEqualTo(300 + opening);
                assertThat(delegates.countDocuments(Filters.eq("conferenceId", "c-1"))).isEqualTo(99);
                delegates.insertOne(new Document("_id", "new-" + opening).append("conferenceId", "c-9"));
            }
        }
        try (org.h2.mvstore.MVStore store = new org.h2.mvstore.MVStore.Builder().fileName(file.toString())
                .open()) {
            assertThat(store.openMap("meta.legacy.delegates").get(IndexedH2Backend.DOCUMENT_FORMAT))
                    .isEqualTo(IndexedH2Backend.BSON);
            assertThat(store.getMapNames()).noneMatch(name -> name.startsWith("converting."));
            org.h2.mvstore.MVMap<Object, de.bwaldvogel.mongo.bson.Document> stored = store.openMap(
                    "databases.legacy.delegates", new org.h2.mvstore.MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>()
                            .valueType(BsonDocumentType.INSTANCE));
            assertThat(stored.get("new-1")).containsEntry("conferenceId", "c-9");
            assertThat(stored.get("d-1").get("amount")).isEqualTo(
                    de.bwaldvogel.mongo.bson.Decimal128.fromNumber(new java.math.BigDecimal("1250000.75")));
        }
    }

    @Test
    void indexesAreRebuiltWhenAnH2FileIsOpenedAgain() {
        Path file = dataDir.resolve("mongo.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.builder().h2File(file).build().start();
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> sessions = client.getDatabase("indexes").getCollection("sessions");
            sessions.createIndex(Indexes.ascending("meetingId"));
            sessions.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            for (int i = 0; i < 50; i++) {
                sessions.insertOne(new Document("_id", "s-" + i).append("meetingId", "m-" + i % 5)
                        .append("code", "c-" + i));
            }
            sessions.deleteOne(Filters.eq("_id", "s-49"));
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.builder().h2File(file).build().start();
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> sessions = client.getDatabase("indexes").getCollection("sessions");
            // the unique indexes (in memory) know every stored document again: _id and code are still taken
            assertThatThrownBy(() -> sessions.insertOne(new Document("_id", "s-7").append("code", "new")))
                    .isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> sessions.insertOne(new Document("_id", "s-new").append("code", "c-7")))
                    .isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(sessions.find(Filters.eq("_id", "s-7")).first()).containsEntry("code", "c-7");
            // what was deleted is free again
            sessions.insertOne(new Document("_id", "s-49").append("code", "c-49").append("meetingId", "m-4"));
            assertThatThrownBy(() -> sessions.updateOne(Filters.eq("_id", "s-12"), Updates.set("code", "c-13")))
                    .isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(sessions.find(Filters.eq("_id", "s-12")).first()).containsEntry("code", "c-12");
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.builder().h2File(file).build().start();
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> sessions = client.getDatabase("indexes").getCollection("sessions");
            long fullReadsBefore = IndexedH2Collection.FULL_READS.sum();

            List<String> inMeeting = ids(sessions, Filters.eq("meetingId", "m-3"));

            assertThat(IndexedH2Collection.FULL_READS.sum()).isEqualTo(fullReadsBefore);
            assertThat(inMeeting).containsExactly("s-13", "s-18", "s-23", "s-28", "s-3", "s-33", "s-38", "s-43",
                    "s-48", "s-8");
        }
    }

    @Test
    void theIdIndexKeepsNoEntryForStringAndObjectIdsYetEveryIdStaysUniqueAcrossAReopen() {
        Path file = dataDir.resolve("ids.mv");
        for (int run = 0; run < 2; run++) {
            IndexedH2Backend backend = new IndexedH2Backend(new org.h2.mvstore.MVStore.Builder()
                    .fileName(file.toString()).open());
            de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(backend);
            java.net.InetSocketAddress address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":"
                    + address.getPort())) {
                MongoCollection<Document> delegates = client.getDatabase("ids").getCollection("delegates");
                if (run == 0) {
                    for (int i = 0; i < 500; i++) {
                        delegates.insertOne(new Document("_id", "dlg-" + i).append("n", i));
                    }
                    delegates.insertOne(new Document("_id", new org.bson.types.ObjectId("65f0a0a0a0a0a0a0a0a0a0a0")));
                    delegates.insertOne(new Document("_id", 7).append("n", "seven"));
                    delegates.insertOne(new Document("_id", 2.5).append("n", "two and a half"));
                    delegates.deleteOne(Filters.eq("_id", "dlg-499"));
                }
                MemoryUniqueIndex idIndex = (MemoryUniqueIndex) ((IndexedH2Collection) backend.resolveDatabase("ids")
                        .resolveCollection("delegates", true)).getIndexes().stream()
                        .filter(index -> index.getName().equals("_id_")).findFirst().orElseThrow();

                // only the two numeric ids are held by the index; the store answers for the other 500
                assertThat(idIndex.entriesKept()).isEqualTo(2);
                assertThat(idIndex.getCount()).isEqualTo(502);
                for (Object taken : List.of("dlg-3", new org.bson.types.ObjectId("65f0a0a0a0a0a0a0a0a0a0a0"), 7,
                        7L, 7.0, 2.5)) {
                    assertThatThrownBy(() -> delegates.insertOne(new Document("_id", taken)))
                            .as("id %s (%s)", taken, taken.getClass().getSimpleName())
                            .isInstanceOf(com.mongodb.MongoWriteException.class)
                            .hasMessageContaining("duplicate key");
                }
                assertThat(delegates.find(Filters.eq("_id", 7L)).first()).containsEntry("n", "seven");
                assertThat(delegates.find(Filters.eq("_id", "dlg-3")).first()).containsEntry("n", 3);
                assertThat(delegates.countDocuments()).isEqualTo(502);
                if (run == 1) {
                    // a deleted id is free; a replaced document keeps its id; a deleted one can come back
                    delegates.insertOne(new Document("_id", "dlg-499").append("n", 499));
                    delegates.replaceOne(Filters.eq("_id", "dlg-3"), new Document("n", "three"));
                    assertThat(delegates.find(Filters.eq("_id", "dlg-3")).first()).containsEntry("n", "three");
                    delegates.deleteOne(Filters.eq("_id", "dlg-3"));
                    assertThat(delegates.find(Filters.eq("_id", "dlg-3")).first()).isNull();
                    delegates.insertOne(new Document("_id", "dlg-3").append("n", 3));
                    delegates.deleteOne(Filters.eq("_id", 7));
                    delegates.insertOne(new Document("_id", 7L).append("n", "seven again"));
                    assertThat(idIndex.entriesKept()).isEqualTo(2);
                    assertThat(delegates.countDocuments()).isEqualTo(503);
                }
            }
            finally {
                server.shutdown();
            }
        }
    }

    private static List<String> ids(Iterable<Document> found) {
        List<String> ids = new ArrayList<>();
        found.forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    private static List<String> ids(MongoCollection<Document> collection, Bson query) {
        List<String> ids = new ArrayList<>();
        collection.find(query).forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }
}
