package org.conferenceops.notification.sessions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.conferenceops.events.session.Attendance;
import org.conferenceops.events.session.SessionCancelled;
import org.conferenceops.events.session.SessionCapacityChanged;
import org.conferenceops.events.session.SessionModeChanged;
import org.conferenceops.events.session.SessionMoved;
import org.conferenceops.events.session.SessionRescheduled;
import org.conferenceops.events.session.SessionScheduled;
import org.conferenceops.notification.delivery.FanOut;
import org.conferenceops.notification.delivery.FanOutRequest;
import org.conferenceops.notification.delivery.Target;
import org.conferenceops.notification.rules.RuleSettings;
import org.conferenceops.platform.messaging.EventContext;
import org.conferenceops.platform.messaging.EventHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What programme events do here: each keeps the session's schedule (once, in change-version order) and, for a
 * change, adds it to the session's pending batch ({@link SessionChanges}); a cancellation is fanned out at once, and
 * urgently, to everyone booked or waitlisted. Both steps are idempotent on their own, so a retry after a failure in
 * between completes the second without repeating the first.
 */
final class ProgrammeHandlers {

    private ProgrammeHandlers() {
    }

    /** Common work of the change handlers. */
    @Component
    static class Changes {

        private final SessionSchedules schedules;
        private final SessionChanges changes;
        private final SessionSettings settings;
        private final RuleSettings rules;
        private final Clock clock;

        Changes(SessionSchedules schedules, SessionChanges changes, SessionSettings settings, RuleSettings rules,
                Clock clock) {
            this.schedules = schedules;
            this.changes = changes;
            this.settings = settings;
            this.rules = rules;
            this.clock = clock;
        }

        void changed(String sessionId, String conferenceId, int changeVersion, Update schedule, ChangeNote.Type type,
                @Nullable String before, @Nullable String after, @Nullable Attendance attendance,
                @Nullable String link, String eventId, Instant changedAt, Instant... alsoStarting) {
            RuleSettings.Rule rule = rules.rule(type.rule());
            boolean urgent = rule.urgent()
                    || schedules.find(sessionId).startsWithin(settings.urgentWithin(), clock.instant());
            for (Instant start : alsoStarting) {
                urgent |= start.isBefore(clock.instant().plus(settings.urgentWithin()));
            }
            schedules.apply(sessionId, conferenceId, changeVersion, schedule);
            if (!rule.enabled()) {
                return;
            }
            changes.record(sessionId, new ChangeNote(eventId, changeVersion, type, before, after, attendance, link,
                    urgent, changedAt));
        }
    }

    @Component
    static class OnScheduled implements EventHandler<SessionScheduled> {

        private final SessionSchedules schedules;

        OnScheduled(SessionSchedules schedules) {
            this.schedules = schedules;
        }

        @Override
        public Class<SessionScheduled> eventType() {
            return SessionScheduled.class;
        }

        @Override
        public void handle(SessionScheduled event, EventContext context) {
            // the first change version is 1: the scheduling itself
            schedules.apply(event.sessionId(), event.conferenceId(), 1, new Update().set("title", event.title())
                    .set("track", event.track()).set("roomId", event.roomId()).set("mode", event.mode().name())
                    .set("virtualLink", event.virtualLink()).set("startsAt", event.startsAt())
                    .set("endsAt", event.endsAt()).set("timeZone", event.timeZone())
                    .set("status", SessionSchedule.Status.SCHEDULED.name()));
        }
    }

    @Component
    static class OnRescheduled implements EventHandler<SessionRescheduled> {

        private final Changes changes;

        OnRescheduled(Changes changes) {
            this.changes = changes;
        }

        @Override
        public Class<SessionRescheduled> eventType() {
            return SessionRescheduled.class;
        }

        @Override
        public void handle(SessionRescheduled event, EventContext context) {
            changes.changed(event.sessionId(), event.conferenceId(), event.changeVersion(),
                    new Update().set("startsAt", event.startsAt()).set("endsAt", event.endsAt()),
                    ChangeNote.Type.RESCHEDULED, event.previousStartsAt() + "/" + event.previousEndsAt(),
                    event.startsAt() + "/" + event.endsAt(), null, null, context.eventId(), event.changedAt(),
                    event.previousStartsAt(), event.startsAt());
        }
    }

    @Component
    static class OnMoved implements EventHandler<SessionMoved> {

        private final Changes changes;

        OnMoved(Changes changes) {
            this.changes = changes;
        }

        @Override
        public Class<SessionMoved> eventType() {
            return SessionMoved.class;
        }

        @Override
        public void handle(SessionMoved event, EventContext context) {
            changes.changed(event.sessionId(), event.conferenceId(), event.changeVersion(),
                    new Update().set("roomId", event.roomId()), ChangeNote.Type.MOVED, event.previousRoomId(),
                    event.roomId(), null, null, context.eventId(), event.changedAt());
        }
    }

    @Component
    static class OnModeChanged implements EventHandler<SessionModeChanged> {

        private final Changes changes;

        OnModeChanged(Changes changes) {
            this.changes = changes;
        }

        @Override
        public Class<SessionModeChanged> eventType() {
            return SessionModeChanged.class;
        }

        @Override
        public void handle(SessionModeChanged event, EventContext context) {
            changes.changed(event.sessionId(), event.conferenceId(), event.changeVersion(),
                    new Update().set("mode", event.mode().name()).set("virtualLink", event.virtualLink()),
                    ChangeNote.Type.MODE, event.previousMode().name(), event.mode().name(), null,
                    event.virtualLink(), context.eventId(), event.changedAt());
        }
    }

    @Component
    static class OnCapacityChanged implements EventHandler<SessionCapacityChanged> {

        private final Changes changes;

        OnCapacityChanged(Changes changes) {
            this.changes = changes;
        }

        @Override
        public Class<SessionCapacityChanged> eventType() {
            return SessionCapacityChanged.class;
        }

        @Override
        public void handle(SessionCapacityChanged event, EventContext context) {
            changes.changed(event.sessionId(), event.conferenceId(), event.changeVersion(), new Update(),
                    ChangeNote.Type.CAPACITY, Integer.toString(event.previousCapacity()),
                    Integer.toString(event.capacity()), event.attendance(), null, context.eventId(),
                    event.changedAt());
        }
    }

    /**
     * Cancelled → everyone booked or waitlisted, at once, whatever batch is pending; urgent unless the
     * {@code session-cancelled} rule says otherwise.
     */
    @Component
    static class OnCancelled implements EventHandler<SessionCancelled> {

        private final SessionSchedules schedules;
        private final SessionChanges changes;
        private final SessionRosters rosters;
        private final FanOut fanOut;
        private final RuleSettings rules;

        OnCancelled(SessionSchedules schedules, SessionChanges changes, SessionRosters rosters, FanOut fanOut,
                RuleSettings rules) {
            this.schedules = schedules;
            this.changes = changes;
            this.rosters = rosters;
            this.fanOut = fanOut;
            this.rules = rules;
        }

        @Override
        public Class<SessionCancelled> eventType() {
            return SessionCancelled.class;
        }

        @Override
        public void handle(SessionCancelled event, EventContext context) {
            schedules.apply(event.sessionId(), event.conferenceId(), event.changeVersion(),
                    new Update().set("status", SessionSchedule.Status.CANCELLED.name()));
            changes.cancelled(event.sessionId(), event.changeVersion());
            RuleSettings.Rule rule = rules.rule(SessionMessages.CANCELLED);
            if (!rule.enabled()) {
                return;
            }
            SessionSchedule schedule = schedules.find(event.sessionId());
            Map<String, String> values = schedule.values("CANCELLED");
            values.put(SessionMessages.REASON, event.reason());
            values.put(SessionMessages.CHANGE_VERSION, Integer.toString(event.changeVersion()));
            List<Target> targets = rosters.booked(event.sessionId()).stream()
                    .filter(e -> rule.waitlisted() || e.status() != RosterEntry.Status.WAITLISTED)
                    .map(e -> Target.delegate(e.delegateId())).toList();
            fanOut.start(new FanOutRequest(context.eventId(), context.correlationId(), SessionMessages.CANCELLED,
                    rule.urgent(), values, targets, event.conferenceId(), null, event.sessionId()));
        }
    }
}
