package org.conferenceops.registration.badges;

import java.time.Instant;
import org.conferenceops.events.registration.AccreditationCategory;
import org.jspecify.annotations.Nullable;

/**
 * A delegate's badge.
 *
 * @param qrPayload the signed payload to encode in the QR code; null once revoked
 */
public record BadgeView(String badgeId, String delegateId, String conferenceId, AccreditationCategory category,
        boolean valid, Instant issuedAt, @Nullable Instant revokedAt, @Nullable String revocationReason,
        @Nullable String qrPayload) {
}
