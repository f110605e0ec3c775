package org.conferenceops.notification.rules;

import java.util.Map;
import org.conferenceops.events.pledge.PledgeAcknowledged;
import org.conferenceops.events.pledge.PledgeAnnounced;
import org.conferenceops.events.pledge.PledgeReadinessChanged;
import org.conferenceops.events.pledge.PledgeRenewalDue;
import org.conferenceops.platform.messaging.EventContext;
import org.conferenceops.platform.messaging.EventHandler;
import org.springframework.stereotype.Component;

/**
 * What pledge events tell the pledging state's focal point. The state's delegation at a conference is
 * {@code <conferenceId>-<memberState>}, the id scheme of registration-service.
 */
final class PledgeRules {

    private PledgeRules() {
    }

    static String delegationOf(String conferenceId, String memberState) {
        return conferenceId + "-" + memberState;
    }

    @Component
    static class Acknowledged implements EventHandler<PledgeAcknowledged> {

        private final Rules rules;

        Acknowledged(Rules rules) {
            this.rules = rules;
        }

        @Override
        public Class<PledgeAcknowledged> eventType() {
            return PledgeAcknowledged.class;
        }

        @Override
        public void handle(PledgeAcknowledged event, EventContext context) {
            rules.toFocalPoint(context, "pledge-acknowledged", event.conferenceId(),
                    delegationOf(event.conferenceId(), event.memberState()), null,
                    Map.of("conference", event.conferenceId(), "pledge", event.pledgeId(),
                            "receipt", event.receiptNumber()));
        }
    }

    @Component
    static class Announced implements EventHandler<PledgeAnnounced> {

        private final Rules rules;

        Announced(Rules rules) {
            this.rules = rules;
        }

        @Override
        public Class<PledgeAnnounced> eventType() {
            return PledgeAnnounced.class;
        }

        @Override
        public void handle(PledgeAnnounced event, EventContext context) {
            rules.toFocalPoint(context, "pledge-announced", event.conferenceId(),
                    delegationOf(event.conferenceId(), event.memberState()), event.sessionId(),
                    Map.of("conference", event.conferenceId(), "pledge", event.pledgeId(),
                            "session", event.sessionId(), "speaker", event.speaker()));
        }
    }

    @Component
    static class ReadinessChanged implements EventHandler<PledgeReadinessChanged> {

        private final Rules rules;

        ReadinessChanged(Rules rules) {
            this.rules = rules;
        }

        @Override
        public Class<PledgeReadinessChanged> eventType() {
            return PledgeReadinessChanged.class;
        }

        @Override
        public void handle(PledgeReadinessChanged event, EventContext context) {
            rules.toFocalPoint(context, "pledge-readiness-changed", event.conferenceId(),
                    delegationOf(event.conferenceId(), event.memberState()), null,
                    Map.of("conference", event.conferenceId(), "pledge", event.pledgeId(),
                            "before", event.previousStatus().name(), "after", event.status().name()));
        }
    }

    @Component
    static class RenewalDue implements EventHandler<PledgeRenewalDue> {

        private final Rules rules;

        RenewalDue(Rules rules) {
            this.rules = rules;
        }

        @Override
        public Class<PledgeRenewalDue> eventType() {
            return PledgeRenewalDue.class;
        }

        @Override
        public void handle(PledgeRenewalDue event, EventContext context) {
            rules.toFocalPoint(context, "pledge-renewal-due", event.conferenceId(),
                    delegationOf(event.conferenceId(), event.memberState()), null,
                    Map.of("conference", event.conferenceId(), "pledge", event.pledgeId(),
                            "renewal", Integer.toString(event.renewalNumber()), "due", event.dueAt().toString()));
        }
    }
}
