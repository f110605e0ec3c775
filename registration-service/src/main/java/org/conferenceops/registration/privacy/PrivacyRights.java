package org.conferenceops.registration.privacy;

import java.time.Clock;
import java.util.List;
import org.conferenceops.platform.outbox.EventOutbox;
import org.conferenceops.platform.problem.NotFoundException;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.registration.checkin.CheckInDesk;
import org.conferenceops.registration.delegates.Delegate;
import org.conferenceops.registration.delegates.DelegateRegistration;
import org.conferenceops.registration.delegates.DelegateView;
import org.conferenceops.registration.delegates.IdentityDocumentCipher;
import org.conferenceops.registration.delegations.Delegations;
import org.conferenceops.registration.delegations.Seat;
import org.springframework.stereotype.Service;

/**
 * Export and erasure of one person's data, for the person themselves and organisers (a focal point acts for the
 * delegation, not for the person's privacy rights).
 */
@Service
class PrivacyRights {

    private final DelegateRegistration registration;
    private final Delegations delegations;
    private final IdentityDocumentCipher cipher;
    private final CheckInDesk checkIns;
    private final EventOutbox outbox;
    private final Clock clock;

    PrivacyRights(DelegateRegistration registration, Delegations delegations, IdentityDocumentCipher cipher,
            CheckInDesk checkIns, EventOutbox outbox, Clock clock) {
        this.registration = registration;
        this.delegations = delegations;
        this.cipher = cipher;
        this.checkIns = checkIns;
        this.outbox = outbox;
        this.clock = clock;
    }

    PersonalDataExport export(CurrentUser caller, String delegateId) {
        Delegate delegate = person(caller, delegateId);
        String document = delegate.identityDocument() == null ? null
                : cipher.open(delegate.id(), delegate.identityDocument());
        var seat = delegate.holdsASeat() ? new Seat(delegate.id(), delegate.role(), delegate.registeredAt()) : null;
        return new PersonalDataExport(DelegateView.of(delegate), document, seat, checkIns.entriesOf(delegate.id()),
                clock.instant());
    }

    /**
     * Erases the person's data here (names, contacts, preferences, identity document, documents on file), revokes
     * their badge, frees their seat, and publishes {@code DelegateErased} for other services to do the same.
     */
    DelegateView erase(CurrentUser caller, String delegateId) {
        Delegate delegate = person(caller, delegateId);
        boolean heldASeat = delegate.holdsASeat();
        Delegate erased = outbox.save(delegate, delegate.erase(clock.instant()));
        if (heldASeat) {
            // a withdrawn delegate's seat was freed when they were withdrawn, and erasing twice changes nothing
            delegations.release(erased.delegationId(), erased.id(), erased.role());
        }
        return DelegateView.of(erased);
    }

    private Delegate person(CurrentUser caller, String delegateId) {
        Delegate delegate = registration.find(caller, delegateId);
        if (!caller.isOrganizer() && !delegateId.equals(caller.delegateId())) {
            throw new NotFoundException("delegate", delegateId);
        }
        return delegate;
    }
}
