package org.conferenceops.pledge.pledging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where and by whom a pledge was announced: a pledge-announcement slot on the session's speakers list.
 *
 * @param sessionId     the session (session-service's id)
 * @param speaker       who announced it, as on the speakers list
 * @param at            when (UTC)
 * @param inscriptionId the speakers-list inscription; null only for seeded announcements of past conferences
 * @param speakerTitle  the speaker's function, e.g. Minister of Defence; null when not known
 * @param delegationId  the delegation the speaker spoke for; null when not known
 */
public record Announcement(String sessionId, String speaker, Instant at, @Nullable String inscriptionId,
        @Nullable String speakerTitle, @Nullable String delegationId) {
}
