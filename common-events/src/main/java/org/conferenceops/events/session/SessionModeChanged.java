package org.conferenceops.events.session;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An organiser changed how a session is held, e.g. switched it to virtual at short notice as Seoul 2021 did; before
 * and after are both given. Confirmed in-person seats stay confirmed; their holders join online through the virtual
 * link.
 *
 * <p>Type {@code session.SessionModeChanged}, version 1, published by session-service on
 * {@code conference-ops.session}, key = {@code sessionId} (session id).
 *
 * @param sessionId           the session's id
 * @param conferenceId        the conference (edition) id
 * @param changeVersion       the session's schedule version after this change, counting from 1 at scheduling; an
 *                            iCalendar SEQUENCE
 * @param previousMode        the mode before
 * @param mode                the mode after
 * @param previousVirtualLink the virtual link before, null if none
 * @param virtualLink         the virtual link after, null for an in-person session
 * @param changedAt           when the change was made (UTC)
 */
public record SessionModeChanged(String sessionId, String conferenceId, int changeVersion, SessionMode previousMode,
        SessionMode mode, @Nullable String previousVirtualLink, @Nullable String virtualLink, Instant changedAt)
        implements SessionEvent {

    public SessionModeChanged {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(previousMode, "previousMode");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    @Override
    public String aggregateId() {
        return sessionId;
    }
}
