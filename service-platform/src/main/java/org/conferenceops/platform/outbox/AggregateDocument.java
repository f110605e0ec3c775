package org.conferenceops.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;

/**
 * Base of every aggregate stored as one MongoDB document: an optimistic-locking version (the precondition of the
 * one conditional write a command makes) and the embedded outbox of events not yet published.
 *
 * <p>{@code outboxSince} is the creation time of the oldest pending entry, or null when the outbox is empty; it
 * lets the relay find pending work with one indexed query on any MongoDB deployment (no change streams).
 */
public abstract class AggregateDocument {

    /** Document field names the relay queries and updates. */
    public static final String OUTBOX = "outbox";
    public static final String OUTBOX_SINCE = "outboxSince";
    public static final String VERSION = "version";

    @Version
    private @Nullable Long version;

    private List<OutboxEntry> outbox = new ArrayList<>();

    @Indexed(sparse = true)
    private @Nullable Instant outboxSince;

    /**
     * The stored document this aggregate was read from or last written as, if known: the next conditional update
     * sets only the fields that differ from it (see {@link EventOutbox}). Not stored.
     */
    @org.springframework.data.annotation.Transient
    private org.bson.@Nullable Document stored;

    /** The stored version, or null before the first write. */
    public @Nullable Long version() {
        return version;
    }

    /**
     * The version this aggregate will have after its next successful write, counting from 1, as published in the
     * {@code aggregateversion} attribute of the events raised by that write.
     */
    public long nextEventVersion() {
        // Spring Data stores 0 on insert and increments on each update; events count from 1.
        return version == null ? 1 : version + 2;
    }

    /** Events raised but not yet acknowledged by the broker, oldest first. */
    public List<OutboxEntry> pendingEvents() {
        return Collections.unmodifiableList(outbox);
    }

    void versionWritten(long written) {
        this.version = written;
    }

    /** The document as stored at this aggregate's current version, or null when not known. */
    org.bson.@Nullable Document stored() {
        return stored;
    }

    void storedAs(org.bson.@Nullable Document document) {
        this.stored = document;
    }

    void appendToOutbox(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (outbox == null) {
            outbox = new ArrayList<>();
        }
        outbox.addAll(entries);
        if (outboxSince == null) {
            outboxSince = outbox.getFirst().createdAt();
        }
    }
}
