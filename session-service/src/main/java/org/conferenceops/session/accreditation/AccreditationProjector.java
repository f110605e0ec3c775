package org.conferenceops.session.accreditation;

import org.conferenceops.events.registration.DelegateAccredited;
import org.conferenceops.events.registration.DelegateErased;
import org.conferenceops.events.registration.RegistrationWithdrawn;
import org.conferenceops.events.session.ReleaseReason;
import org.conferenceops.platform.messaging.EventContext;
import org.conferenceops.platform.messaging.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the read model of who may book. On a withdrawal or an erasure the delegate is first marked (no new
 * bookings, no calendar feed), then their calendar subscription is revoked and their seats are released; a
 * redelivered event repeats only the revocation and the release, which are idempotent.
 */
@Component
class AccreditationProjector {

    private final AccreditedDelegateRepository delegates;
    private final SeatRelease seats;
    private final FeedRevocation feeds;

    AccreditationProjector(AccreditedDelegateRepository delegates, SeatRelease seats, FeedRevocation feeds) {
        this.delegates = delegates;
        this.seats = seats;
        this.feeds = feeds;
    }

    void accredited(DelegateAccredited event, EventContext context) {
        AccreditedDelegate delegate = load(event.delegateId());
        if (delegate.appliedEvents().shouldSkip(context)) {
            return;
        }
        delegate.accredited(event.conferenceId(), event.delegationId(), event.vip(),
                delegate.appliedEvents().with(context));
        delegates.save(delegate);
    }

    void ended(String delegateId, String conferenceId, String delegationId, AccreditationStatus end,
            ReleaseReason reason, EventContext context) {
        AccreditedDelegate delegate = load(delegateId);
        if (!delegate.appliedEvents().contains(context)) {
            delegate.ended(end, conferenceId, delegationId, delegate.appliedEvents().with(context));
            delegates.save(delegate);
        }
        feeds.revokeFeedsOf(delegateId);
        seats.releaseAllOf(delegateId, reason);
    }

    private AccreditedDelegate load(String delegateId) {
        return delegates.findById(delegateId).orElseGet(() -> AccreditedDelegate.unknown(delegateId));
    }

    @Component
    static class OnAccredited implements EventHandler<DelegateAccredited> {

        private final AccreditationProjector projector;

        OnAccredited(AccreditationProjector projector) {
            this.projector = projector;
        }

        @Override
        public Class<DelegateAccredited> eventType() {
            return DelegateAccredited.class;
        }

        @Override
        public void handle(DelegateAccredited event, EventContext context) {
            projector.accredited(event, context);
        }
    }

    @Component
    static class OnWithdrawn implements EventHandler<RegistrationWithdrawn> {

        private final AccreditationProjector projector;

        OnWithdrawn(AccreditationProjector projector) {
            this.projector = projector;
        }

        @Override
        public Class<RegistrationWithdrawn> eventType() {
            return RegistrationWithdrawn.class;
        }

        @Override
        public void handle(RegistrationWithdrawn event, EventContext context) {
            projector.ended(event.delegateId(), event.conferenceId(), event.delegationId(),
                    AccreditationStatus.WITHDRAWN, ReleaseReason.REGISTRATION_WITHDRAWN, context);
        }
    }

    @Component
    static class OnErased implements EventHandler<DelegateErased> {

        private final AccreditationProjector projector;

        OnErased(AccreditationProjector projector) {
            this.projector = projector;
        }

        @Override
        public Class<DelegateErased> eventType() {
            return DelegateErased.class;
        }

        @Override
        public void handle(DelegateErased event, EventContext context) {
            projector.ended(event.delegateId(), event.conferenceId(), event.delegationId(), AccreditationStatus.ERASED,
                    ReleaseReason.DELEGATE_ERASED, context);
        }
    }
}
