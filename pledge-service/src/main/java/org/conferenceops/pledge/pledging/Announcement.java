package org.conferenceops.pledge.pledging;

import java.time.Instant;

/**
 * Where and by whom a pledge was announced.
 *
 * @param sessionId the session (session-service's id)
 * @param speaker   who announced it, as printed in the programme
 * @param at        when (UTC)
 */
public record Announcement(String sessionId, String speaker, Instant at) {
}
