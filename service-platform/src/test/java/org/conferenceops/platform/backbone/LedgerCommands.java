package org.conferenceops.platform.backbone;

import org.conferenceops.platform.outbox.EventOutbox;
import org.springframework.stereotype.Service;

/** The test application's one use case: add an entry, raising its event in the same write. */
@Service
class LedgerCommands {

    private final LedgerRepository ledgers;
    private final EventOutbox outbox;

    LedgerCommands(LedgerRepository ledgers, EventOutbox outbox) {
        this.ledgers = ledgers;
        this.outbox = outbox;
    }

    Ledger addEntry(String ledgerId, boolean failWhenHandled) {
        Ledger ledger = ledgers.findById(ledgerId).orElseGet(() -> new Ledger(ledgerId));
        return outbox.save(ledger, ledger.add(failWhenHandled));
    }
}
