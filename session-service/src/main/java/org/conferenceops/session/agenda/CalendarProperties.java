package org.conferenceops.session.agenda;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the calendar feeds ({@code conference-ops.calendar.*}, ADR 020).
 *
 * @param publicUrl         the address calendar clients reach this service at, e.g.
 *                          {@code https://sessions.conference.example}; subscription URLs are built on it. When empty,
 *                          they are built from the request that asked for the subscription
 * @param releasedRetention how long after a session has ended a booking the delegate no longer holds (released, or
 *                          the delegate's place given up) stays in the personal feed as {@code STATUS:CANCELLED}; until
 *                          the session ends it is always there, so that clients remove the event they had
 */
@ConfigurationProperties("conference-ops.calendar")
record CalendarProperties(@Nullable String publicUrl, @DefaultValue("24h") Duration releasedRetention) {
}
