package org.conferenceops.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

    @TempDir
    Path dataDir;

    @Test
    void h2FileKeepsDocumentsAcrossRestart() {
        Path file = dataDir.resolve("mongo.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.builder().h2File(file).build().start()) {
            int port = mongo.port();
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                delegates(client).insertOne(new Document("_id", "d-1").append("name", "Amina"));
            }

            mongo.stop();
            mongo.start();

            assertThat(mongo.port()).isEqualTo(port);
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                Document found = delegates(client).find(new Document("_id", "d-1")).first();
                assertThat(found).isNotNull();
                assertThat(found.getString("name")).isEqualTo("Amina");
            }
        }
    }

    @Test
    void aFileStoreWritesChunksNoLargerThanTheWriteBufferH2Reuses() {
        org.h2.mvstore.MVStore store = EmbeddedMongo.openFileStore(dataDir.resolve("chunks.mv"));
        try {
            org.h2.mvstore.MVMap<String, de.bwaldvogel.mongo.bson.Document> documents = store.openMap("delegates",
                    new org.h2.mvstore.MVMap.Builder<String, de.bwaldvogel.mongo.bson.Document>()
                            .valueType(BsonDocumentType.INSTANCE));
            String notes = "x".repeat(1_000);
            for (int i = 0; i < 20_000; i++) {
                documents.put("d-" + i, new de.bwaldvogel.mongo.bson.Document("_id", "d-" + i)
                        .append("conferenceId", "seoul-2021").append("notes", notes + i));
            }

            store.commit(); // the layout lists a chunk once the next commit has been stored
            java.util.List<Long> chunkBytes = store.getLayoutMap().entrySet().stream()
                    .filter(entry -> entry.getKey().startsWith("chunk."))
                    .map(entry -> 4096L * Long.parseLong(
                            org.h2.mvstore.DataUtils.parseMap(entry.getValue()).get("len"), 16))
                    .toList();
            assertThat(chunkBytes.stream().mapToLong(Long::longValue).sum())
                    .as("documents written, in chunks of %s", chunkBytes).isGreaterThan(10L << 20);
            assertThat(chunkBytes).as("H2 serialises a chunk into a buffer it keeps for the next only up to 4 MB")
                    .allMatch(bytes -> bytes <= 4L << 20);
        }
        finally {
            store.close();
        }
    }

    @Test
    void anotherServerReadsTheSameH2FileAfterTheFirstIsClosed() {
        Path file = dataDir.resolve("nested/mongo.mv");
        try (EmbeddedMongo first = EmbeddedMongo.builder().h2File(file).build().start();
                MongoClient client = MongoClients.create(first.connectionString())) {
            delegates(client).insertOne(new Document("_id", "d-2"));
        }

        try (EmbeddedMongo second = EmbeddedMongo.builder().h2File(file).build().start();
                MongoClient client = MongoClients.create(second.connectionString())) {
            assertThat(delegates(client).countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void inMemoryServerEnforcesUniqueIndexesAndForgetsDataOnRestart() {
        try (EmbeddedMongo mongo = EmbeddedMongo.builder().build().start()) {
            assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + mongo.port());
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> delegates = delegates(client);
                delegates.createIndex(Indexes.ascending("badge"), new IndexOptions().unique(true));
                delegates.insertOne(new Document("badge", "B-1"));

                assertThatThrownBy(() -> delegates.insertOne(new Document("badge", "B-1")))
                        .isInstanceOfSatisfying(MongoWriteException.class,
                                e -> assertThat(ErrorCategory.fromErrorCode(e.getCode()))
                                        .isEqualTo(ErrorCategory.DUPLICATE_KEY));
            }

            mongo.stop();
            mongo.start();

            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                assertThat(delegates(client).countDocuments()).isZero();
            }
        }
    }

    private static MongoCollection<Document> delegates(MongoClient client) {
        return client.getDatabase("registration").getCollection("delegates");
    }
}
