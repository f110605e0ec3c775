package org.conferenceops.notification.sessions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.conferenceops.events.session.Attendance;
import org.conferenceops.events.session.SeatConfirmed;
import org.conferenceops.events.session.SeatReleased;
import org.conferenceops.events.session.SeatWaitlisted;
import org.conferenceops.events.session.WaitlistPromoted;
import org.conferenceops.notification.delivery.FanOut;
import org.conferenceops.notification.delivery.FanOutRequest;
import org.conferenceops.notification.delivery.Target;
import org.conferenceops.notification.rules.RuleSettings;
import org.conferenceops.platform.messaging.EventContext;
import org.conferenceops.platform.messaging.EventHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Seat events keep the rosters (confirmed and waitlisted stay on, released leave) and tell the delegate: seat
 * confirmed, waitlisted (with position and why) or promoted. Each event is applied to its booking once; a stale one
 * (older than what the booking shows) changes nothing and tells nobody. The message's fan-out id is the event's.
 */
final class SeatHandlers {

    private SeatHandlers() {
    }

    /** Common work of the seat handlers. */
    @Component
    static class Seats {

        private final RosterEntryRepository roster;
        private final SessionSchedules schedules;
        private final FanOut fanOut;
        private final SessionSettings settings;
        private final RuleSettings rules;
        private final Clock clock;

        Seats(RosterEntryRepository roster, SessionSchedules schedules, FanOut fanOut, SessionSettings settings,
                RuleSettings rules, Clock clock) {
            this.roster = roster;
            this.schedules = schedules;
            this.fanOut = fanOut;
            this.settings = settings;
            this.rules = rules;
            this.clock = clock;
        }

        /**
         * Moves the booking to its new standing once and, unless {@code kind} is null or its rule disabled, tells the
         * delegate.
         *
         * @param extra values the message needs beyond the session's (position, reason)
         */
        void booking(EventContext context, String bookingId, String sessionId, String conferenceId, String delegateId,
                String delegationId, Attendance attendance, RosterEntry.Status status, int position, Instant at,
                @Nullable String kind, Map<String, String> extra) {
            RosterEntry entry = roster.findById(bookingId).orElseGet(() -> RosterEntry.newBooking(bookingId,
                    sessionId, conferenceId, delegateId, delegationId, attendance, at));
            if (entry.appliedEvents().isStale(context)) {
                return;
            }
            if (!entry.appliedEvents().contains(context)) {
                entry.moveTo(status, attendance, position, at, entry.appliedEvents().with(context));
                roster.save(entry);
            }
            if (kind == null || !rules.rule(kind).enabled()) {
                return;
            }
            SessionSchedule schedule = schedules.find(sessionId);
            Map<String, String> values = schedule.values(status == RosterEntry.Status.WAITLISTED ? "TENTATIVE"
                    : schedule.cancelled() ? "CANCELLED" : "CONFIRMED");
            values.put(SessionMessages.ATTENDANCE, attendance.name());
            values.putAll(extra);
            boolean urgent = rules.rule(kind).urgent()
                    || schedule.startsWithin(settings.urgentWithin(), clock.instant());
            fanOut.start(new FanOutRequest(context.eventId(), context.correlationId(), kind, urgent, values,
                    List.of(Target.delegate(delegateId)), conferenceId, delegationId, sessionId));
        }
    }

    @Component
    static class OnConfirmed implements EventHandler<SeatConfirmed> {

        private final Seats seats;

        OnConfirmed(Seats seats) {
            this.seats = seats;
        }

        @Override
        public Class<SeatConfirmed> eventType() {
            return SeatConfirmed.class;
        }

        @Override
        public void handle(SeatConfirmed event, EventContext context) {
            seats.booking(context, event.bookingId(), event.sessionId(), event.conferenceId(), event.delegateId(),
                    event.delegationId(), event.attendance(), RosterEntry.Status.CONFIRMED, 0, event.confirmedAt(),
                    SessionMessages.SEAT_CONFIRMED, Map.of());
        }
    }

    @Component
    static class OnWaitlisted implements EventHandler<SeatWaitlisted> {

        private final Seats seats;

        OnWaitlisted(Seats seats) {
            this.seats = seats;
        }

        @Override
        public Class<SeatWaitlisted> eventType() {
            return SeatWaitlisted.class;
        }

        @Override
        public void handle(SeatWaitlisted event, EventContext context) {
            seats.booking(context, event.bookingId(), event.sessionId(), event.conferenceId(), event.delegateId(),
                    event.delegationId(), event.attendance(), RosterEntry.Status.WAITLISTED, event.position(),
                    event.waitlistedAt(), SessionMessages.SEAT_WAITLISTED, Map.of(SessionMessages.POSITION,
                            Integer.toString(event.position()), SessionMessages.REASON, event.reason().name()));
        }
    }

    @Component
    static class OnPromoted implements EventHandler<WaitlistPromoted> {

        private final Seats seats;

        OnPromoted(Seats seats) {
            this.seats = seats;
        }

        @Override
        public Class<WaitlistPromoted> eventType() {
            return WaitlistPromoted.class;
        }

        @Override
        public void handle(WaitlistPromoted event, EventContext context) {
            seats.booking(context, event.bookingId(), event.sessionId(), event.conferenceId(), event.delegateId(),
                    event.delegationId(), event.attendance(), RosterEntry.Status.CONFIRMED, 0, event.promotedAt(),
                    SessionMessages.SEAT_PROMOTED, Map.of());
        }
    }

    /** Released → off the roster; the delegate released it themselves or was told why by registration. */
    @Component
    static class OnReleased implements EventHandler<SeatReleased> {

        private final Seats seats;

        OnReleased(Seats seats) {
            this.seats = seats;
        }

        @Override
        public Class<SeatReleased> eventType() {
            return SeatReleased.class;
        }

        @Override
        public void handle(SeatReleased event, EventContext context) {
            seats.booking(context, event.bookingId(), event.sessionId(), event.conferenceId(), event.delegateId(),
                    event.delegationId(), event.attendance(), RosterEntry.Status.RELEASED, 0, event.releasedAt(),
                    null, Map.of());
        }
    }
}
