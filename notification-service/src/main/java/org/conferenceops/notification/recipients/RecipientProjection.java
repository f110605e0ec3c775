package org.conferenceops.notification.recipients;

import java.util.function.BiConsumer;
import org.conferenceops.platform.messaging.AppliedEvents;
import org.conferenceops.platform.messaging.EventContext;
import org.springframework.stereotype.Component;

/**
 * Applies an event to a recipient once: skips what was applied (or superseded) already and saves with the
 * recipient's version, so a concurrent change makes the event be retried rather than lost.
 */
@Component
class RecipientProjection {

    private final RecipientRepository recipients;

    RecipientProjection(RecipientRepository recipients) {
        this.recipients = recipients;
    }

    void apply(String delegateId, EventContext context, BiConsumer<Recipient, AppliedEvents> change) {
        Recipient recipient = recipients.findById(delegateId).orElseGet(() -> Recipient.unknown(delegateId));
        if (recipient.appliedEvents().shouldSkip(context)) {
            return;
        }
        change.accept(recipient, recipient.appliedEvents().with(context));
        recipients.save(recipient);
    }

    /**
     * {@link #apply} for an event that usually meets no recipient yet (a registration): the new recipient is
     * inserted straight away, one write instead of a read and a write per registration; when one exists after all
     * (a redelivery, a late event after erasure, a replay) the insert is refused by its id and the event is applied
     * to the stored recipient as {@link #apply} does.
     */
    void applyToNew(String delegateId, EventContext context, BiConsumer<Recipient, AppliedEvents> change) {
        Recipient created = Recipient.unknown(delegateId);
        change.accept(created, created.appliedEvents().with(context));
        try {
            recipients.insert(created);
        }
        catch (org.springframework.dao.DuplicateKeyException exists) {
            apply(delegateId, context, change);
        }
    }
}
