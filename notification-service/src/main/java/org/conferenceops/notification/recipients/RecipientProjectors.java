package org.conferenceops.notification.recipients;

import org.conferenceops.events.registration.AccreditationRejected;
import org.conferenceops.events.registration.DelegateAccredited;
import org.conferenceops.events.registration.DelegateErased;
import org.conferenceops.events.registration.DelegateRegistered;
import org.conferenceops.events.registration.DelegateUpdated;
import org.conferenceops.events.registration.RegistrationWithdrawn;
import org.conferenceops.platform.messaging.EventContext;
import org.conferenceops.platform.messaging.EventHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The handlers that keep the recipient read model up to date. Each runs before the handlers that notify, so they
 * find the recipient as the event left it.
 */
final class RecipientProjectors {

    private RecipientProjectors() {
    }

    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class OnRegistered implements EventHandler<DelegateRegistered> {

        private final RecipientProjection projection;

        OnRegistered(RecipientProjection projection) {
            this.projection = projection;
        }

        @Override
        public Class<DelegateRegistered> eventType() {
            return DelegateRegistered.class;
        }

        @Override
        public void handle(DelegateRegistered event, EventContext context) {
            projection.apply(event.delegateId(), context, (recipient, applied) -> {
                if (!recipient.erased()) {
                    recipient.registered(event.conferenceId(), event.delegationId(), event.givenName(),
                            event.familyName(), event.email(), event.preferredLanguage(), applied);
                }
            });
        }
    }

    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class OnUpdated implements EventHandler<DelegateUpdated> {

        private final RecipientProjection projection;

        OnUpdated(RecipientProjection projection) {
            this.projection = projection;
        }

        @Override
        public Class<DelegateUpdated> eventType() {
            return DelegateUpdated.class;
        }

        @Override
        public void handle(DelegateUpdated event, EventContext context) {
            projection.apply(event.delegateId(), context, (recipient, applied) -> {
                if (!recipient.erased()) {
                    recipient.updated(event.conferenceId(), event.delegationId(), event.givenName(),
                            event.familyName(), event.email(), event.preferredLanguage(), event.timeZone(), applied);
                }
            });
        }
    }

    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class OnAccredited implements EventHandler<DelegateAccredited> {

        private final RecipientProjection projection;

        OnAccredited(RecipientProjection projection) {
            this.projection = projection;
        }

        @Override
        public Class<DelegateAccredited> eventType() {
            return DelegateAccredited.class;
        }

        @Override
        public void handle(DelegateAccredited event, EventContext context) {
            projection.apply(event.delegateId(), context, (recipient, applied) -> {
                if (!recipient.erased()) {
                    recipient.standing(RecipientStatus.ACCREDITED, event.category(), applied);
                }
            });
        }
    }

    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class OnRejected implements EventHandler<AccreditationRejected> {

        private final RecipientProjection projection;

        OnRejected(RecipientProjection projection) {
            this.projection = projection;
        }

        @Override
        public Class<AccreditationRejected> eventType() {
            return AccreditationRejected.class;
        }

        @Override
        public void handle(AccreditationRejected event, EventContext context) {
            projection.apply(event.delegateId(), context, (recipient, applied) -> {
                if (!recipient.erased()) {
                    recipient.standing(RecipientStatus.REJECTED, null, applied);
                }
            });
        }
    }

    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class OnWithdrawn implements EventHandler<RegistrationWithdrawn> {

        private final RecipientProjection projection;

        OnWithdrawn(RecipientProjection projection) {
            this.projection = projection;
        }

        @Override
        public Class<RegistrationWithdrawn> eventType() {
            return RegistrationWithdrawn.class;
        }

        @Override
        public void handle(RegistrationWithdrawn event, EventContext context) {
            projection.apply(event.delegateId(), context, (recipient, applied) -> {
                if (!recipient.erased()) {
                    recipient.standing(RecipientStatus.WITHDRAWN, null, applied);
                }
            });
        }
    }

    /** Runs after the notifying handlers so that the delegate's last messages can still be addressed. */
    @Component
    @Order(Ordered.LOWEST_PRECEDENCE)
    static class OnErased implements EventHandler<DelegateErased> {

        private final RecipientProjection projection;

        OnErased(RecipientProjection projection) {
            this.projection = projection;
        }

        @Override
        public Class<DelegateErased> eventType() {
            return DelegateErased.class;
        }

        @Override
        public void handle(DelegateErased event, EventContext context) {
            projection.apply(event.delegateId(), context, (recipient, applied) -> recipient.erase(applied));
        }
    }
}
