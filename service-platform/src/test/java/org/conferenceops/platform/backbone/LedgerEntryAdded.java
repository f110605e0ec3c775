package org.conferenceops.platform.backbone;

import org.conferenceops.events.IntegrationEvent;

/** A test-only event: entry {@code sequence} was added to ledger {@code ledgerId}. */
public record LedgerEntryAdded(String ledgerId, int sequence, boolean failWhenHandled) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return ledgerId;
    }
}
