package org.conferenceops.events.pledge;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A pledge was announced in a session of the conference (Seoul 2021: by video statement).
 *
 * <p>Type {@code pledge.PledgeAnnounced}, version 1, published by pledge-service on
 * {@code conference-ops.pledge}, key = {@code pledgeId}.
 *
 * @param pledgeId            the pledge's id; the record key
 * @param conferenceId        the conference (edition) the pledge was made at, e.g. seoul-2021
 * @param memberState         the pledging (lead) member state, ISO 3166-1 alpha-3, e.g. KOR
 * @param sessionId           the session it was announced in (session-service's id)
 * @param speaker             who announced it, as printed in the programme (a public office holder)
 * @param announcedAt         when it was announced (UTC)
 * @param inscriptionId       the pledge-announcement slot on the session's speakers list (session-service's
 *                            inscription id, see {@code session.SpeakerInscribed}); since #5 (added within version
 *                            1): null in events published before and for seeded announcements of past conferences
 * @param speakerTitle        the speaker's function as inscribed, e.g. Minister of Defence; since #5, null when not
 *                            known
 * @param speakerDelegationId the delegation the speaker spoke for; since #5, null when not known
 */
public record PledgeAnnounced(String pledgeId, String conferenceId, String memberState, String sessionId,
        String speaker, Instant announcedAt, @Nullable String inscriptionId, @Nullable String speakerTitle,
        @Nullable String speakerDelegationId) implements PledgeEvent {

    public PledgeAnnounced {
        Objects.requireNonNull(pledgeId, "pledgeId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(memberState, "memberState");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(announcedAt, "announcedAt");
    }

    @Override
    public String aggregateId() {
        return pledgeId;
    }
}
