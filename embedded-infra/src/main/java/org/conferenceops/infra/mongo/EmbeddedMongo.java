package org.conferenceops.infra.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.conferenceops.infra.Ports;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on loopback, for machines without {@code mongod}.
 *
 * <p>Two storage modes of the H2 MVStore backend: in memory (data ends with {@link #stop()}), or a file whose
 * data survives restarts of this server and of the JVM. The file is locked while open, so only one process can
 * serve it. The backend is extended with the secondary indexes and index use the server lacks
 * ({@link IndexedH2Backend}). What the server does not do (transactions, TTL expiry, the {@code hello} command)
 * is listed in the platform notes.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final String host;
    private final int requestedPort;
    private final @Nullable Path h2File;
    private final boolean oplog;

    private int port;
    private @Nullable MongoServer server;

    private EmbeddedMongo(Builder builder) {
        this.host = builder.host;
        this.requestedPort = builder.port;
        this.h2File = builder.h2File;
        this.oplog = builder.oplog;
    }

    /** A builder for an in-memory server on a free loopback port. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Opens the storage and starts listening. A port given as 0 is chosen now and kept for later restarts. Does
     * nothing if already running.
     *
     * @return this server
     * @throws IllegalStateException if the H2 file is locked by another process or the port is taken
     */
    public synchronized EmbeddedMongo start() {
        if (server != null) {
            return this;
        }
        long started = System.nanoTime();
        MongoServer mongoServer = new MongoServer(openBackend());
        if (oplog) {
            mongoServer.enableOplog();
        }
        try {
            mongoServer.bind(new InetSocketAddress(host, port != 0 ? port : requestedPort), 1, EVENT_LOOPS);
        }
        catch (RuntimeException e) {
            mongoServer.shutdownNow();
            throw new IllegalStateException("MongoDB wire-protocol server cannot listen on " + host + ":"
                    + (port != 0 ? port : requestedPort) + ": " + e.getMessage(), e);
        }
        InetSocketAddress address = mongoServer.getLocalAddress();
        port = address.getPort();
        server = mongoServer;
        log.info("MongoDB wire-protocol server ready on {} ({}) in {} ms", connectionString(),
                h2File != null ? "H2 file " + h2File : "in memory",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return this;
    }

    /** Stops listening and closes the storage; an H2 file is flushed and unlocked. Does nothing if not running. */
    public synchronized void stop() {
        MongoServer running = server;
        if (running == null) {
            return;
        }
        server = null;
        running.shutdown();
        log.info("MongoDB wire-protocol server on {} stopped", connectionString());
    }

    @Override
    public void close() {
        stop();
    }

    /** Whether the server is listening. */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The address the server listens on. */
    public String host() {
        return host;
    }

    /** The listening port; the requested one (maybe 0) until the first start. */
    public synchronized int port() {
        return port != 0 ? port : requestedPort;
    }

    /** A driver connection string without a database name, e.g. {@code mongodb://127.0.0.1:27018}. */
    public synchronized String connectionString() {
        return "mongodb://" + host + ":" + port();
    }

    /** The H2 file, or null when the data lives in memory. */
    public @Nullable Path h2File() {
        return h2File;
    }

    /**
     * The server's network threads. It runs each command on the event loop its connection is pinned to, so a long
     * one (an aggregation over thousands of documents, ~0.5 s) holds up every other connection on that loop, of
     * any service: with Netty's default of two per core (four here) that was a quarter of all connections, and door
     * scans waited behind a dashboard's recount. With sixteen a long command holds up a few.
     */
    static final int EVENT_LOOPS = 16;

    /** The H2 page cache of a file-backed store, in MB (H2's estimate of the pages' memory). */
    static final int FILE_CACHE_MB = 32;

    /**
     * How many KB of changed pages (H2's estimate of their memory) a file-backed store gathers before it writes them
     * as one chunk. H2 serialises a chunk into a buffer it reuses only up to 4 MB; its default (19 MB of pages, about
     * 5.5 MB on disk here) made every commit under load allocate fresh 4.5 and 6.8 MB buffers, each larger than
     * half a heap region and so allocated straight into the old generation: two or three a second under the
     * registration benchmark, up to a sixth of the heap held by them, and most of the collector's full compactions.
     * Pages of long strings take about 0.7 of their estimate on disk, pages of small fields much less.
     */
    static final int AUTO_COMMIT_KB = 4 * 1024;

    /** How long rewritten chunks of a file-backed store stay readable by reads that began before. */
    static final int RETENTION_MILLIS = 600_000;

    private MongoBackend openBackend() {
        Path file = h2File;
        if (file == null) {
            return new IndexedH2Backend(MVStore.open(null));
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new IndexedH2Backend(openFileStore(file));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + file, e);
        }
        catch (RuntimeException e) {
            throw new IllegalStateException("cannot open MongoDB data file " + file
                    + " (is another process using it?): " + e.getMessage(), e);
        }
    }

    /** Opens (or creates) an H2 file as the server's store. */
    static MVStore openFileStore(Path file) {
        // H2's page cache holds deserialised pages; its default of 16 MB made the benchmark's data set (tens of
        // thousands of notifications) a cache miss on most reads: a page read from the file and Java-deserialised
        // under the collection's lock, with every other writer of the collection waiting
        MVStore store = new MVStore.Builder().fileName(file.toAbsolutePath().toString()).cacheSize(FILE_CACHE_MB)
                .autoCommitBufferSize(AUTO_COMMIT_KB).open();
        // a chunk rewritten by the background compaction is reused after the retention time; a read that began on
        // the older version and outlasted the default 45 s under heavy load failed with "Chunk … not found"
        // (seen once in the benchmark, as a 500 from the delivery log)
        store.setRetentionTime(RETENTION_MILLIS);
        return store;
    }

    /** Settings for an {@link EmbeddedMongo}. */
    public static final class Builder {

        private String host = Ports.LOOPBACK;
        private int port;
        private @Nullable Path h2File;
        private boolean oplog;

        private Builder() {
        }

        /** The address to listen on; loopback by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** The port; 0, the default, picks a free one at the first start. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Keep the data in this H2 MVStore file (created if missing) instead of in memory. */
        public Builder h2File(Path h2File) {
            this.h2File = Objects.requireNonNull(h2File);
            return this;
        }

        /** Keep the data in memory (the default). */
        public Builder inMemory() {
            this.h2File = null;
            return this;
        }

        /** Record an oplog, which change streams need; off by default. */
        public Builder oplog(boolean oplog) {
            this.oplog = oplog;
            return this;
        }

        /** A server with these settings, not yet started. */
        public EmbeddedMongo build() {
            return new EmbeddedMongo(this);
        }
    }
}
