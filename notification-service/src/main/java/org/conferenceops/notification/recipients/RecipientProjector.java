package org.conferenceops.notification.recipients;

import org.conferenceops.events.registration.DelegateRegistered;
import org.conferenceops.platform.messaging.EventContext;
import org.conferenceops.platform.messaging.EventHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Keeps the recipient read model up to date; runs before the handlers that notify, so they find the recipient. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RecipientProjector implements EventHandler<DelegateRegistered> {

    private final RecipientRepository recipients;

    RecipientProjector(RecipientRepository recipients) {
        this.recipients = recipients;
    }

    @Override
    public Class<DelegateRegistered> eventType() {
        return DelegateRegistered.class;
    }

    @Override
    public void handle(DelegateRegistered event, EventContext context) {
        Recipient recipient = recipients.findById(event.delegateId()).orElseGet(() -> Recipient.unknown(event.delegateId()));
        if (recipient.appliedEvents().shouldSkip(context)) {
            return;
        }
        recipient.registered(event.conferenceId(), event.delegationId(), event.givenName(), event.familyName(),
                event.email(), event.preferredLanguage(), recipient.appliedEvents().with(context));
        recipients.save(recipient);
    }
}
