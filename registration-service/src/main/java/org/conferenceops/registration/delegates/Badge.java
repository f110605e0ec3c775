package org.conferenceops.registration.delegates;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A badge issued to an accredited delegate; valid until revoked.
 *
 * @param badgeId          carried in the signed QR payload
 * @param issuedAt         when it was issued
 * @param revokedAt        when it was revoked, or null while valid
 * @param revocationReason why it was revoked
 */
public record Badge(String badgeId, Instant issuedAt, @Nullable Instant revokedAt, @Nullable String revocationReason) {

    public boolean valid() {
        return revokedAt == null;
    }
}
