package org.conferenceops.events.session;

import java.time.Instant;
import java.util.Objects;

/**
 * An inscription was withdrawn from a session's speakers list by the delegation's focal point or an organiser; the
 * speakers after it move up.
 *
 * <p>Type {@code session.SpeakerWithdrawn}, version 1, published by session-service on
 * {@code conference-ops.session}, key = {@code sessionId} (session id).
 *
 * @param sessionId     the session's id; the record key
 * @param conferenceId  the conference (edition) id
 * @param inscriptionId the withdrawn inscription (see SpeakerInscribed)
 * @param delegationId  the delegation it was for
 * @param withdrawnAt   when (UTC)
 * @since 1
 */
public record SpeakerWithdrawn(String sessionId, String conferenceId, String inscriptionId, String delegationId,
        Instant withdrawnAt) implements SessionEvent {

    public SpeakerWithdrawn {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(inscriptionId, "inscriptionId");
        Objects.requireNonNull(delegationId, "delegationId");
        Objects.requireNonNull(withdrawnAt, "withdrawnAt");
    }

    @Override
    public String aggregateId() {
        return sessionId;
    }
}
