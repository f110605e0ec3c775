package org.conferenceops.events.registration;

import java.time.Instant;
import java.util.Objects;
import org.conferenceops.events.shared.UnLanguage;

/**
 * A delegate was registered for a conference by their delegation's focal point or by an organiser. The delegate
 * is not yet accredited.
 *
 * <p>Type {@code registration.DelegateRegistered}, version 1, published by registration-service on
 * {@code conference-ops.registration}, key = {@code delegateId}. Consumers may rely on it being the first event
 * of its key. It carries the contact details needed to inform the delegate (personal data: a later
 * {@code DelegateErased} requires consumers to forget them); it never carries identity document numbers.
 *
 * @param delegateId        the delegate's id, unique across conferences
 * @param conferenceId      the conference (edition) id, e.g. {@code seoul-2021}
 * @param delegationId      the delegation the delegate belongs to
 * @param givenName         given name in Latin script
 * @param familyName        family name in Latin script
 * @param email             the address the delegate is told at
 * @param preferredLanguage the UN language the delegate wants to be addressed in
 * @param registeredAt      when the registration was accepted (UTC)
 */
public record DelegateRegistered(String delegateId, String conferenceId, String delegationId, String givenName,
        String familyName, String email, UnLanguage preferredLanguage, Instant registeredAt)
        implements RegistrationEvent {

    public DelegateRegistered {
        Objects.requireNonNull(delegateId, "delegateId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(delegationId, "delegationId");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(preferredLanguage, "preferredLanguage");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }

    @Override
    public String aggregateId() {
        return delegateId;
    }
}
