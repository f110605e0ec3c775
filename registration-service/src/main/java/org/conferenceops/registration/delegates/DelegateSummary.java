package org.conferenceops.registration.delegates;

import java.time.Instant;
import org.conferenceops.events.registration.AccreditationCategory;
import org.conferenceops.registration.delegations.DelegationRole;

/** A delegate in a list: no phone, no accessibility notes, never anything about identity documents. */
public record DelegateSummary(String id, String delegationId, DelegationRole role, AccreditationCategory category,
        boolean vip, String givenName, String familyName, String email, String preferredLanguage,
        DelegateStatus status, boolean badgeValid, Instant registeredAt) {

    public static DelegateSummary of(Delegate d) {
        return new DelegateSummary(d.id(), d.delegationId(), d.role(), d.category(), d.vipRank().vip(),
                d.profile().givenName(), d.profile().familyName(), d.email(), d.profile().preferredLanguage().code(),
                d.status(), d.badge().map(Badge::valid).orElse(false), d.registeredAt());
    }
}
