package org.conferenceops.registration.delegates;

import java.time.Instant;
import java.util.List;
import org.conferenceops.events.registration.AccreditationCategory;
import org.conferenceops.registration.delegations.DelegationRole;
import org.jspecify.annotations.Nullable;

/**
 * One delegate as shown to those allowed to see them. The identity document number is never shown here, only
 * whether one is on file.
 */
public record DelegateView(String id, String conferenceId, String delegationId, DelegationRole role,
        AccreditationCategory category, VipRank vipRank, boolean vip, @Nullable String title, String givenName,
        String familyName, @Nullable String nativeGivenName, @Nullable String nativeFamilyName, String email,
        @Nullable String phone, String preferredLanguage, @Nullable String timeZone,
        @Nullable String accessibilityNeeds, boolean identityDocumentOnFile, DelegateStatus status,
        @Nullable String rejectionReason, List<DocumentOnFile> documents, @Nullable String badgeId,
        boolean badgeValid, @Nullable String substituteDelegateId, Instant registeredAt, Instant updatedAt) {

    public static DelegateView of(Delegate d) {
        Profile p = d.profile();
        return new DelegateView(d.id(), d.conferenceId(), d.delegationId(), d.role(), d.category(), d.vipRank(),
                d.vipRank().vip(), p.title(), p.givenName(), p.familyName(), p.nativeGivenName(),
                p.nativeFamilyName(), d.email(), p.phone(), p.preferredLanguage().code(), p.timeZone(),
                p.accessibilityNeeds(), d.identityDocument() != null, d.status(), d.rejectionReason(), d.documents(),
                d.badge().map(Badge::badgeId).orElse(null), d.badge().map(Badge::valid).orElse(false),
                d.substituteDelegateId(), d.registeredAt(), d.updatedAt());
    }
}
