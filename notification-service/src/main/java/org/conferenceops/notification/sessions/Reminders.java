package org.conferenceops.notification.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.conferenceops.notification.delivery.FanOut;
import org.conferenceops.notification.delivery.FanOutRequest;
import org.conferenceops.notification.delivery.Target;
import org.conferenceops.notification.rules.RuleSettings;
import org.springframework.stereotype.Component;

/**
 * Reminds delegates with a confirmed seat before their session starts, at each configured lead time (24 h and
 * 15 min by default), shown in their own zone. A reminder is due from its lead time until the next shorter one is
 * (so a late booker or a sweep after downtime never gets a 24-hour reminder a quarter of an hour before the start);
 * its fan-out id is {@code rem-<session>-<lead>-<start>}, so it goes once, and again only if the session is moved to
 * another time. Cancelled sessions get none. A delegate who books after a reminder went is not reminded at that lead.
 */
@Component
class Reminders {

    private final SessionSchedules schedules;
    private final SessionRosters rosters;
    private final FanOut fanOut;
    private final SessionSettings settings;
    private final RuleSettings rules;
    private final Clock clock;

    Reminders(SessionSchedules schedules, SessionRosters rosters, FanOut fanOut, SessionSettings settings,
            RuleSettings rules, Clock clock) {
        this.schedules = schedules;
        this.rosters = rosters;
        this.fanOut = fanOut;
        this.settings = settings;
        this.rules = rules;
        this.clock = clock;
    }

    void sweep() {
        List<Duration> leads = settings.reminders();
        if (leads.isEmpty() || !rules.rule(SessionMessages.REMINDER).enabled()) {
            return;
        }
        Instant now = clock.instant();
        for (SessionSchedule session : schedules.startingBetween(now, now.plus(leads.getFirst()))) {
            Instant start = session.startsAt();
            if (start == null) {
                continue;
            }
            for (int i = 0; i < leads.size(); i++) {
                Instant from = start.minus(leads.get(i));
                Instant until = i + 1 < leads.size() ? start.minus(leads.get(i + 1)) : start;
                if (!now.isBefore(from) && now.isBefore(until)) {
                    remind(session, leads.get(i));
                }
            }
        }
    }

    private void remind(SessionSchedule session, Duration lead) {
        List<Target> confirmed = rosters.booked(session.sessionId()).stream()
                .filter(e -> e.status() == RosterEntry.Status.CONFIRMED).map(e -> Target.delegate(e.delegateId()))
                .toList();
        if (confirmed.isEmpty()) {
            return;
        }
        Map<String, String> values = session.values("CONFIRMED");
        values.put("lead", lead.toString());
        fanOut.start(new FanOutRequest("rem-" + session.sessionId() + "-" + lead + "-"
                + session.startsAt().getEpochSecond(), null, SessionMessages.REMINDER,
                rules.rule(SessionMessages.REMINDER).urgent() || lead.compareTo(settings.urgentWithin()) <= 0,
                values, confirmed,
                session.conferenceId() != null ? session.conferenceId() : "", null, session.sessionId()));
    }
}
