package org.conferenceops.pledge.delegations;

import java.util.Optional;
import org.conferenceops.events.registration.DelegationKind;
import org.conferenceops.events.registration.DelegationRegistered;
import org.conferenceops.platform.messaging.AppliedEvents;
import org.conferenceops.platform.messaging.EventContext;
import org.conferenceops.platform.messaging.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/**
 * The delegations registration-service registered, learnt from {@code registration.DelegationRegistered} on
 * {@code conference-ops.registration}. Applying an event twice changes nothing (its id is remembered in the
 * delegation's document).
 */
@Service
public class Delegations {

    private final KnownDelegationRepository delegations;

    Delegations(KnownDelegationRepository delegations) {
        this.delegations = delegations;
    }

    /**
     * A delegation to one conference.
     *
     * @param delegationId the delegation's id, as in a focal point's token
     * @param conferenceId the conference it is registered for
     * @param kind         member state, observer state or organisation
     * @param code         ISO 3166-1 alpha-3 for states, an acronym for organisations
     * @param name         its name in English
     */
    public record Delegation(String delegationId, String conferenceId, DelegationKind kind, String code,
            String name) {

        /** Whether it stands for a UN member state, the only kind that pledges. */
        public boolean isMemberState() {
            return kind == DelegationKind.MEMBER_STATE;
        }
    }

    /** The delegation with this id, if registration-service announced it. */
    public Optional<Delegation> find(String delegationId) {
        return delegations.findById(delegationId).map(KnownDelegation::view);
    }

    void registered(DelegationRegistered event, EventContext context) {
        KnownDelegation known = delegations.findById(event.delegationId()).orElse(null);
        if (known == null) {
            try {
                delegations.insert(KnownDelegation.registered(event.delegationId(), event.conferenceId(),
                        event.kind(), event.code(), event.name(), event.registeredAt(),
                        AppliedEvents.none().with(context)));
            }
            catch (DuplicateKeyException concurrentCopy) {
                // the same registration, delivered twice at once: the first copy stored it
            }
            return;
        }
        if (known.appliedEvents().shouldSkip(context)) {
            return;
        }
        delegations.save(known.reregistered(event.conferenceId(), event.kind(), event.code(), event.name(),
                event.registeredAt(), known.appliedEvents().with(context)));
    }

    @Component
    static class OnDelegationRegistered implements EventHandler<DelegationRegistered> {

        private final Delegations delegations;

        OnDelegationRegistered(Delegations delegations) {
            this.delegations = delegations;
        }

        @Override
        public Class<DelegationRegistered> eventType() {
            return DelegationRegistered.class;
        }

        @Override
        public void handle(DelegationRegistered event, EventContext context) {
            delegations.registered(event, context);
        }
    }
}
