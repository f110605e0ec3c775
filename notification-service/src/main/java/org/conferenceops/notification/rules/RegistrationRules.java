package org.conferenceops.notification.rules;

import java.util.Map;
import org.conferenceops.events.registration.AccreditationRejected;
import org.conferenceops.events.registration.BadgeIssued;
import org.conferenceops.events.registration.DelegateAccredited;
import org.conferenceops.events.registration.DelegateErased;
import org.conferenceops.events.registration.RegistrationWithdrawn;
import org.conferenceops.platform.messaging.EventContext;
import org.conferenceops.platform.messaging.EventHandler;
import org.springframework.stereotype.Component;

/** What registration events tell delegates and focal points. */
final class RegistrationRules {

    private RegistrationRules() {
    }

    /** Accreditation granted → the delegate and their focal point. */
    @Component
    static class Accredited implements EventHandler<DelegateAccredited> {

        private final Rules rules;

        Accredited(Rules rules) {
            this.rules = rules;
        }

        @Override
        public Class<DelegateAccredited> eventType() {
            return DelegateAccredited.class;
        }

        @Override
        public void handle(DelegateAccredited event, EventContext context) {
            rules.toDelegate(context, "accreditation-granted", event.conferenceId(), event.delegationId(),
                    event.delegateId(), Map.of("conference", event.conferenceId(), "delegateId", event.delegateId(),
                            "category", event.category().name()), true);
        }
    }

    /** Accreditation rejected → the delegate and their focal point, with the organiser's reason. */
    @Component
    static class Rejected implements EventHandler<AccreditationRejected> {

        private final Rules rules;

        Rejected(Rules rules) {
            this.rules = rules;
        }

        @Override
        public Class<AccreditationRejected> eventType() {
            return AccreditationRejected.class;
        }

        @Override
        public void handle(AccreditationRejected event, EventContext context) {
            rules.toDelegate(context, "accreditation-rejected", event.conferenceId(), event.delegationId(),
                    event.delegateId(), Map.of("conference", event.conferenceId(), "delegateId", event.delegateId(),
                            "reason", event.reason()), true);
        }
    }

    /** Badge issued → the delegate. */
    @Component
    static class Badge implements EventHandler<BadgeIssued> {

        private final Rules rules;

        Badge(Rules rules) {
            this.rules = rules;
        }

        @Override
        public Class<BadgeIssued> eventType() {
            return BadgeIssued.class;
        }

        @Override
        public void handle(BadgeIssued event, EventContext context) {
            rules.toDelegate(context, "badge-issued", event.conferenceId(), event.delegationId(),
                    event.delegateId(), Map.of("conference", event.conferenceId(), "delegateId", event.delegateId(),
                            "badge", event.badgeId(), "category", event.category().name()), false);
        }
    }

    /** Registration withdrawn → the delegate and their focal point. */
    @Component
    static class Withdrawn implements EventHandler<RegistrationWithdrawn> {

        private final Rules rules;

        Withdrawn(Rules rules) {
            this.rules = rules;
        }

        @Override
        public Class<RegistrationWithdrawn> eventType() {
            return RegistrationWithdrawn.class;
        }

        @Override
        public void handle(RegistrationWithdrawn event, EventContext context) {
            rules.toDelegate(context, "registration-withdrawn", event.conferenceId(), event.delegationId(),
                    event.delegateId(), Map.of("conference", event.conferenceId(), "delegateId", event.delegateId(),
                            "reason", event.reason()), true);
        }
    }

    /**
     * Personal data erased → the focal point is told, by reference only (the delegate's contact is gone by the
     * time the message is written).
     */
    @Component
    static class Erased implements EventHandler<DelegateErased> {

        private final Rules rules;

        Erased(Rules rules) {
            this.rules = rules;
        }

        @Override
        public Class<DelegateErased> eventType() {
            return DelegateErased.class;
        }

        @Override
        public void handle(DelegateErased event, EventContext context) {
            rules.toFocalPoint(context, "delegate-erased", event.conferenceId(), event.delegationId(), null,
                    Map.of("conference", event.conferenceId(), "reference", event.delegateId()));
        }
    }
}
