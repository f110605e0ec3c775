package org.conferenceops.registration.delegates;

import java.time.Instant;

/** A delegate as shown to those allowed to see them. */
public record DelegateView(String id, String conferenceId, String delegationId, String givenName, String familyName,
        String email, String preferredLanguage, DelegateStatus status, Instant registeredAt) {

    static DelegateView of(Delegate delegate) {
        return new DelegateView(delegate.id(), delegate.conferenceId(), delegate.delegationId(), delegate.givenName(),
                delegate.familyName(), delegate.email(), delegate.preferredLanguage().code(), delegate.status(),
                delegate.registeredAt());
    }
}
