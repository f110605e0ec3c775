package org.conferenceops.events.session;

import java.time.Instant;
import java.util.Objects;

/**
 * A delegation's focal point (or an organiser) inscribed a speaker on a session's speakers list. The list is ordered
 * by {@code level} (HEAD_OF_STATE_OR_GOVERNMENT first), then by {@code inscribedAt}.
 *
 * <p>Type {@code session.SpeakerInscribed}, version 1, published by session-service on
 * {@code conference-ops.session}, key = {@code sessionId} (session id; the speakers list is one aggregate per
 * session, so one list's inscriptions and withdrawals arrive in order).
 *
 * @param sessionId          the session's id; the record key
 * @param conferenceId       the conference (edition) id
 * @param inscriptionId      the inscription's id, unique within the session
 * @param delegationId       the delegation the speaker speaks for
 * @param speakerName        the speaker's name as it is to be announced
 * @param speakerTitle       the speaker's title or function, e.g. "Minister of Defence"
 * @param level              the level of representation
 * @param video              true for a video statement rather than in person
 * @param pledgeAnnouncement true for a pledge-announcement slot of the pledging segment
 * @param inscribedAt        when the inscription was requested (UTC); orders speakers of the same level
 * @since 1
 */
public record SpeakerInscribed(String sessionId, String conferenceId, String inscriptionId, String delegationId,
        String speakerName, String speakerTitle, RepresentationLevel level, boolean video, boolean pledgeAnnouncement,
        Instant inscribedAt) implements SessionEvent {

    public SpeakerInscribed {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(inscriptionId, "inscriptionId");
        Objects.requireNonNull(delegationId, "delegationId");
        Objects.requireNonNull(speakerName, "speakerName");
        Objects.requireNonNull(speakerTitle, "speakerTitle");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(inscribedAt, "inscribedAt");
    }

    @Override
    public String aggregateId() {
        return sessionId;
    }
}
