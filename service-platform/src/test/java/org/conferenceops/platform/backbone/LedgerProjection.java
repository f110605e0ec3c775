package org.conferenceops.platform.backbone;

import java.util.ArrayList;
import java.util.List;
import org.conferenceops.platform.messaging.AppliedEvents;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A test read model built from {@link LedgerEntryAdded}: the sequences applied, in the order applied. */
@Document("ledger-projections")
class LedgerProjection {

    @Id
    private final String id;
    @Version
    private Long version;
    private List<Integer> applied = new ArrayList<>();
    private AppliedEvents appliedEvents = AppliedEvents.none();

    LedgerProjection(String id) {
        this.id = id;
    }

    List<Integer> applied() {
        return applied;
    }

    AppliedEvents appliedEvents() {
        return appliedEvents;
    }

    void apply(int sequence, AppliedEvents after) {
        applied.add(sequence);
        appliedEvents = after;
    }
}
