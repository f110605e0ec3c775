package org.conferenceops.registration.delegates;

import java.time.Clock;
import java.util.UUID;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.platform.outbox.EventOutbox;
import org.conferenceops.platform.problem.ConflictException;
import org.conferenceops.platform.problem.NotFoundException;
import org.conferenceops.platform.security.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Registering delegates and reading them back, for those allowed to. */
@Service
public class DelegateRegistration {

    private final DelegateRepository delegates;
    private final EventOutbox outbox;
    private final Clock clock;

    DelegateRegistration(DelegateRepository delegates, EventOutbox outbox, Clock clock) {
        this.delegates = delegates;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Registers a delegate for a delegation: stored with its {@code DelegateRegistered} event, or not at all. */
    public Delegate register(CurrentUser caller, String conferenceId, String delegationId,
            RegisterDelegateRequest request) {
        if (!caller.mayActForDelegation(delegationId)) {
            // a delegation that is not the caller's is answered like one that does not exist
            throw new NotFoundException("delegation", delegationId);
        }
        Delegate.Registered registered = Delegate.register("dlg-" + UUID.randomUUID(), conferenceId, delegationId,
                request.givenName(), request.familyName(), request.email(),
                UnLanguage.ofCode(request.preferredLanguage()), clock.instant());
        try {
            return outbox.save(registered.delegate(), registered.events());
        }
        catch (DuplicateKeyException e) {
            throw new ConflictException("a delegate with this e-mail address is already registered for " + conferenceId);
        }
    }

    /** A delegate, if the caller may see them; otherwise "not found", so existence is not revealed. */
    public Delegate find(CurrentUser caller, String delegateId) {
        return delegates.findById(delegateId)
                .filter(d -> caller.mayActForDelegate(d.id(), d.delegationId()))
                .orElseThrow(() -> new NotFoundException("delegate", delegateId));
    }
}
