/**
 * Personal agendas and iCalendar feeds: a delegate's confirmed and waitlisted sessions in their time zones, their
 * calendar subscription (a secret feed URL, only its hash stored), and the public programme feed.
 */
@NullMarked
package org.conferenceops.session.agenda;

import org.jspecify.annotations.NullMarked;
