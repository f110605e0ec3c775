package org.conferenceops.events.registration;

import java.time.Instant;
import java.util.Objects;

/**
 * An organiser registered a delegation (a member state, observer state or organisation) for a conference.
 *
 * <p>Type {@code registration.DelegationRegistered}, version 1, published by registration-service on
 * {@code conference-ops.registration}, key = {@code delegationId}. The first event of its key; published once per
 * delegation. Carries no personal data.
 *
 * @param delegationId the delegation's id, {@code <conferenceId>-<code>}, e.g. {@code seoul-2021-KOR}
 * @param conferenceId the conference (edition) id, e.g. {@code seoul-2021}
 * @param kind         member state, observer state or organisation
 * @param code         ISO 3166-1 alpha-3 code for states (e.g. {@code KOR}), an acronym for organisations
 *                     (e.g. {@code AU})
 * @param name         the delegation's name in English, e.g. {@code Republic of Korea}
 * @param registeredAt when the delegation was registered (UTC)
 */
public record DelegationRegistered(String delegationId, String conferenceId, DelegationKind kind, String code,
        String name, Instant registeredAt) implements RegistrationEvent {

    public DelegationRegistered {
        Objects.requireNonNull(delegationId, "delegationId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }

    @Override
    public String aggregateId() {
        return delegationId;
    }
}
