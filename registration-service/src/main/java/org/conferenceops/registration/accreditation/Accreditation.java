package org.conferenceops.registration.accreditation;

import java.time.Clock;
import org.conferenceops.platform.outbox.EventOutbox;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.platform.contention.Contended;
import org.conferenceops.registration.delegates.Delegate;
import org.conferenceops.registration.delegates.DelegateRegistration;
import org.conferenceops.registration.delegates.DocumentOnFile;
import org.springframework.stereotype.Service;

/**
 * The organisers' accreditation decisions and the documents they rest on. Each decision re-reads the delegate and is
 * run again if another request changed the delegate meanwhile ({@link Contended}), so a concurrent profile change or
 * document does not turn it into a 409; deciding twice still does (the re-read delegate refuses the transition).
 */
@Service
class Accreditation {

    private final DelegateRegistration registration;
    private final EventOutbox outbox;
    private final Clock clock;

    Accreditation(DelegateRegistration registration, EventOutbox outbox, Clock clock) {
        this.registration = registration;
        this.outbox = outbox;
        this.clock = clock;
    }

    Delegate accredit(CurrentUser caller, String delegateId) {
        return Contended.retry("delegate " + delegateId, () -> {
            Delegate delegate = registration.find(caller, delegateId);
            return outbox.save(delegate, delegate.accredit(clock.instant()));
        });
    }

    Delegate reject(CurrentUser caller, String delegateId, String reason) {
        return Contended.retry("delegate " + delegateId, () -> {
            Delegate delegate = registration.find(caller, delegateId);
            return outbox.save(delegate, delegate.reject(reason, clock.instant()));
        });
    }

    /** Records a Note Verbale or nomination letter (organisers, or the delegate's focal point). */
    Delegate addDocument(CurrentUser caller, String delegateId, DocumentOnFile document) {
        return Contended.retry("delegate " + delegateId, () -> {
            Delegate delegate = registration.find(caller, delegateId);
            return outbox.save(delegate, delegate.addDocument(document));
        });
    }
}
