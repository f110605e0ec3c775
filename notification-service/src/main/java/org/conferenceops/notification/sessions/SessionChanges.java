package org.conferenceops.notification.sessions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conferenceops.events.session.Attendance;
import org.conferenceops.notification.delivery.FanOut;
import org.conferenceops.notification.delivery.FanOutRequest;
import org.conferenceops.notification.delivery.Target;
import org.conferenceops.notification.rules.RuleSettings;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Coalesces the changes to a session: each change joins the session's pending batch with one atomic update; when
 * the batch is due (coalescing window after its first change) the sweep fans it out once, one message per booked
 * delegate listing every change that concerns them. Fan-out ids derive from the session and the batch's last change
 * version, so a sweep repeated after a crash sends nothing twice. Cancellations do not wait: see
 * {@link #cancelled}.
 */
@Component
class SessionChanges {

    private static final int SWEEP_BATCH = 100;

    private final MongoTemplate mongo;
    private final FanOut fanOut;
    private final SessionSchedules schedules;
    private final SessionRosters rosters;
    private final SessionSettings settings;
    private final RuleSettings rules;
    private final Clock clock;

    SessionChanges(MongoTemplate mongo, FanOut fanOut, SessionSchedules schedules, SessionRosters rosters,
            SessionSettings settings, RuleSettings rules, Clock clock) {
        this.mongo = mongo;
        this.fanOut = fanOut;
        this.schedules = schedules;
        this.rosters = rosters;
        this.settings = settings;
        this.rules = rules;
        this.clock = clock;
    }

    /** Adds a change to the session's open batch, or opens a batch due after the window; older changes are ignored. */
    void record(String sessionId, ChangeNote note) {
        int version = note.changeVersion();
        Update add = new Update().push(PendingChanges.PENDING, note).inc(PendingChanges.PENDING_COUNT, 1)
                .set(PendingChanges.LAST_CHANGE_VERSION, version).inc(PendingChanges.REVISION, 1);
        Query open = Query.query(Criteria.where("_id").is(sessionId).and(PendingChanges.LAST_CHANGE_VERSION)
                .lt(version).and(PendingChanges.PENDING_COUNT).gt(0));
        if (mongo.updateFirst(open, add, PendingChanges.class).getMatchedCount() > 0) {
            return;
        }
        Query newer = Query.query(Criteria.where("_id").is(sessionId).and(PendingChanges.LAST_CHANGE_VERSION)
                .lt(version));
        try {
            mongo.upsert(newer, add.set(PendingChanges.DUE_AT, clock.instant().plus(settings.coalesceWindow())),
                    PendingChanges.class);
        }
        catch (DuplicateKeyException appliedAlready) {
            // this change, or a newer one, was recorded before
        }
    }

    /** The session is cancelled: its pending changes are dropped (the cancellation tells everyone at once). */
    void cancelled(String sessionId, int changeVersion) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(sessionId)), new Update()
                .set(PendingChanges.PENDING, List.of()).set(PendingChanges.PENDING_COUNT, 0)
                .unset(PendingChanges.DUE_AT).inc(PendingChanges.REVISION, 1), PendingChanges.class);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(sessionId).and(PendingChanges.LAST_CHANGE_VERSION)
                .lt(changeVersion)), new Update().set(PendingChanges.LAST_CHANGE_VERSION, changeVersion),
                PendingChanges.class);
    }

    /** Fans out every batch that is due, and finishes any a previous sweep left in flight. */
    void sweep() {
        Instant now = clock.instant();
        Query due = Query.query(new Criteria().orOperator(Criteria.where(PendingChanges.IN_FLIGHT_COUNT).gt(0),
                Criteria.where(PendingChanges.PENDING_COUNT).gt(0).and(PendingChanges.DUE_AT).lte(now)))
                .limit(SWEEP_BATCH);
        for (PendingChanges changes : mongo.find(due, PendingChanges.class)) {
            List<ChangeNote> batch;
            if (changes.inFlightCount() > 0) {
                batch = changes.inFlight();
            }
            else {
                Update take = new Update().set(PendingChanges.IN_FLIGHT, changes.pending())
                        .set(PendingChanges.IN_FLIGHT_COUNT, changes.pendingCount())
                        .set(PendingChanges.PENDING, List.of()).set(PendingChanges.PENDING_COUNT, 0)
                        .unset(PendingChanges.DUE_AT).inc(PendingChanges.REVISION, 1);
                boolean taken = mongo.updateFirst(Query.query(Criteria.where("_id").is(changes.sessionId())
                        .and(PendingChanges.REVISION).is(changes.revision())), take, PendingChanges.class)
                        .getModifiedCount() > 0;
                if (!taken) {
                    continue; // a change joined meanwhile: the next sweep takes the batch with it
                }
                batch = changes.pending();
            }
            tell(changes.sessionId(), batch, now);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(changes.sessionId())), new Update()
                    .set(PendingChanges.IN_FLIGHT, List.of()).set(PendingChanges.IN_FLIGHT_COUNT, 0)
                    .inc(PendingChanges.REVISION, 1), PendingChanges.class);
        }
    }

    /** One fan-out per kind of booking (standing × attendance), listing the changes that concern it. */
    private void tell(String sessionId, List<ChangeNote> batch, Instant now) {
        SessionSchedule schedule = schedules.find(sessionId);
        if (batch.isEmpty() || schedule.cancelled()) {
            return;
        }
        List<ChangeNote> ordered = batch.stream().sorted(Comparator.comparingInt(ChangeNote::changeVersion))
                .toList();
        int upTo = ordered.getLast().changeVersion();
        boolean urgent = ordered.stream().anyMatch(ChangeNote::urgent)
                || schedule.startsWithin(settings.urgentWithin(), now);
        Map<String, List<Target>> groups = new LinkedHashMap<>();
        Map<String, RosterEntry> kinds = new LinkedHashMap<>();
        for (RosterEntry entry : rosters.booked(sessionId)) {
            String group = entry.status() + "-" + entry.attendance();
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(Target.delegate(entry.delegateId()));
            kinds.putIfAbsent(group, entry);
        }
        for (Map.Entry<String, List<Target>> group : groups.entrySet()) {
            RosterEntry kind = kinds.get(group.getKey());
            List<ChangeNote> concerning = ordered.stream()
                    .filter(n -> n.concerns(kind.status(), kind.attendance()))
                    .filter(n -> kind.status() != RosterEntry.Status.WAITLISTED || rules.rule(n.type().rule())
                            .waitlisted())
                    .toList();
            if (concerning.isEmpty()) {
                continue;
            }
            Map<String, String> values = schedule.values(kind.status() == RosterEntry.Status.WAITLISTED
                    ? "TENTATIVE" : "CONFIRMED");
            values.put(SessionMessages.ATTENDANCE, attendance(kind.attendance()));
            values.put(SessionMessages.CHANGE_COUNT, Integer.toString(concerning.size()));
            for (int i = 0; i < concerning.size(); i++) {
                concerning.get(i).into(values, i);
            }
            // one job per kind of booking, one delivery key for the batch: a delegate whose standing changed
            // between a crashed sweep and its retry falls into another kind's job, and is still told once
            String batchKey = "chg-" + sessionId + "-v" + upTo;
            fanOut.start(new FanOutRequest(batchKey + "-" + group.getKey(), null, SessionMessages.CHANGED, urgent,
                    values, group.getValue(), schedule.conferenceId() != null ? schedule.conferenceId() : "", null,
                    sessionId, batchKey));
        }
    }

    private static String attendance(Attendance attendance) {
        return attendance == Attendance.UNKNOWN ? Attendance.IN_PERSON.name() : attendance.name();
    }
}
