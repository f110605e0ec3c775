package org.conferenceops.session.live;

/**
 * What a stream subscriber is told: which session changed and how. It carries no more than that; the screen fetches
 * the current agenda or programme to show it.
 *
 * @param sessionId the session concerned
 * @param change    what happened: {@code scheduled}, {@code rescheduled}, {@code moved}, {@code mode},
 *                  {@code capacity}, {@code cancelled} (programme) or {@code confirmed}, {@code waitlisted},
 *                  {@code promoted}, {@code released} (a booking)
 * @param eventId   the id of the event that announced it, also the SSE event id
 */
record LiveChange(String sessionId, String change, String eventId) {
}
