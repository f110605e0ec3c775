package org.conferenceops.events.registration;

import java.time.Instant;
import java.util.Objects;

/**
 * The personal data of a delegate was erased in registration-service at the person's request. Every consumer that
 * holds personal data keyed by this delegate (names, e-mail, language, preferences) must erase it too; ids and
 * counts may stay.
 *
 * <p>Type {@code registration.DelegateErased}, version 1, published by registration-service on
 * {@code conference-ops.registration}, key = {@code delegateId}. The last event of its key.
 *
 * @param delegateId   the erased delegate's id
 * @param conferenceId the conference (edition) id
 * @param delegationId the delegation the delegate belonged to
 * @param erasedAt     when the erasure was done (UTC)
 */
public record DelegateErased(String delegateId, String conferenceId, String delegationId, Instant erasedAt)
        implements RegistrationEvent {

    public DelegateErased {
        Objects.requireNonNull(delegateId, "delegateId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(delegationId, "delegationId");
        Objects.requireNonNull(erasedAt, "erasedAt");
    }

    @Override
    public String aggregateId() {
        return delegateId;
    }
}
