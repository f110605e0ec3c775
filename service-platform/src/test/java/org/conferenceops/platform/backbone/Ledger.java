package org.conferenceops.platform.backbone;

import java.util.List;
import org.conferenceops.platform.outbox.AggregateDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A test aggregate: a counter that raises one event per entry added. */
@Document("ledgers")
class Ledger extends AggregateDocument {

    @Id
    private final String id;
    private int entries;
    private @org.jspecify.annotations.Nullable String label;

    Ledger(String id) {
        this.id = id;
    }

    List<LedgerEntryAdded> add(boolean failWhenHandled) {
        entries++;
        return List.of(new LedgerEntryAdded(id, entries, failWhenHandled));
    }

    String id() {
        return id;
    }

    void label(@org.jspecify.annotations.Nullable String label) {
        this.label = label;
    }

    int entries() {
        return entries;
    }
}
