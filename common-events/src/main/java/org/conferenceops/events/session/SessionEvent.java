package org.conferenceops.events.session;

import org.conferenceops.events.IntegrationEvent;

/**
 * The events session-service publishes; a consumer's {@code switch} over them is exhaustive. Programme events
 * (SessionScheduled, SessionRescheduled, SessionMoved, SessionModeChanged, SessionCapacityChanged,
 * SessionCancelled) are keyed by session id, so one session's changes arrive in order; seat events (SeatConfirmed,
 * SeatWaitlisted, WaitlistPromoted, SeatReleased) are keyed by booking id ({@code <sessionId>~<delegateId>}), so one
 * booking's history arrives in order; speakers-list events (SpeakerInscribed, SpeakerWithdrawn) are keyed by session
 * id.
 */
public sealed interface SessionEvent extends IntegrationEvent permits SessionScheduled, SessionRescheduled,
        SessionMoved, SessionModeChanged, SessionCapacityChanged, SessionCancelled, SeatConfirmed, SeatWaitlisted,
        WaitlistPromoted, SeatReleased, SpeakerInscribed, SpeakerWithdrawn {
}
