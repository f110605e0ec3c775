package org.conferenceops.events.registration;

import org.conferenceops.events.IntegrationEvent;

/** The events registration-service publishes; a consumer's {@code switch} over them is exhaustive. */
public sealed interface RegistrationEvent extends IntegrationEvent permits DelegateRegistered,
        DelegationRegistered, DelegateUpdated, DelegateAccredited, AccreditationRejected, RegistrationWithdrawn,
        BadgeIssued, BadgeRevoked, DelegateCheckedIn, DelegateErased {
}
