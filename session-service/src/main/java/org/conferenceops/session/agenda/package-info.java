/**
 * Personal agendas and iCalendar feeds: a delegate's confirmed and waitlisted sessions in their time zones, and the
 * programme as calendar clients subscribe to it.
 */
@NullMarked
package org.conferenceops.session.agenda;

import org.jspecify.annotations.NullMarked;
