package org.conferenceops.events.registration;

import java.time.Instant;
import java.util.Objects;
import org.conferenceops.events.shared.UnLanguage;
import org.jspecify.annotations.Nullable;

/**
 * A delegate's contact details or preferences changed (by the delegate, their focal point or an organiser). Carries
 * the current values of what consumers need to reach the delegate, not a diff.
 *
 * <p>Type {@code registration.DelegateUpdated}, version 1, published by registration-service on
 * {@code conference-ops.registration}, key = {@code delegateId}. Personal data: a later {@code DelegateErased}
 * requires consumers to forget it. Never carries identity document numbers or phone numbers.
 *
 * @param delegateId        the delegate's id
 * @param conferenceId      the conference (edition) id
 * @param delegationId      the delegation the delegate belongs to
 * @param givenName         given name in Latin script
 * @param familyName        family name in Latin script
 * @param email             the address the delegate is told at
 * @param preferredLanguage the UN language the delegate wants to be addressed in
 * @param timeZone          the delegate's own IANA time zone, e.g. {@code Asia/Seoul}; null when not given
 * @param updatedAt         when the change was accepted (UTC)
 */
public record DelegateUpdated(String delegateId, String conferenceId, String delegationId, String givenName,
        String familyName, String email, UnLanguage preferredLanguage, @Nullable String timeZone, Instant updatedAt)
        implements RegistrationEvent {

    public DelegateUpdated {
        Objects.requireNonNull(delegateId, "delegateId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(delegationId, "delegationId");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(preferredLanguage, "preferredLanguage");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public String aggregateId() {
        return delegateId;
    }
}
