package org.conferenceops.registration.delegates;

import org.conferenceops.events.registration.AccreditationCategory;
import org.conferenceops.registration.delegations.DelegationRole;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the organisers' delegate list and accreditation queue; every one is optional.
 *
 * @param delegationId only this delegation
 * @param status       only this status
 * @param category     only this accreditation category
 * @param role         only this delegation role
 * @param vip          only VIPs (true) or only others (false)
 * @param q            the start of a given or family name, or of an e-mail address (case-insensitive)
 */
public record DelegateFilter(@Nullable String delegationId, @Nullable DelegateStatus status,
        @Nullable AccreditationCategory category, @Nullable DelegationRole role, @Nullable Boolean vip,
        @Nullable String q) {
}
