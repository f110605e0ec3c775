package org.conferenceops.session.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * The scheduling rules: a session lies within its meeting's days (in the meeting's time zone), ends after it starts,
 * and neither its room nor any of its chairs is taken by another scheduled session at an overlapping time.
 */
final class ScheduleConflicts {

    static final String RULE = "schedule-conflict";

    private ScheduleConflicts() {
    }

    /** The violations a slot would cause; empty when it fits. {@code self} is ignored among the others. */
    static List<FieldViolation> find(@Nullable String self, Meeting meeting, @Nullable String roomId,
            List<String> chairs, Instant startsAt, Instant endsAt, List<Session> others) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!endsAt.isAfter(startsAt)) {
            violations.add(new FieldViolation("endsAt", "ends-before-start", "the session must end after it starts"));
            return violations;
        }
        LocalDate firstDay = startsAt.atZone(meeting.zone()).toLocalDate();
        LocalDate lastDay = endsAt.minusNanos(1).atZone(meeting.zone()).toLocalDate();
        if (firstDay.isBefore(meeting.firstDay()) || lastDay.isAfter(meeting.lastDay())) {
            violations.add(new FieldViolation("startsAt", "outside-meeting-days", "the session must take place on the"
                    + " days of meeting '" + meeting.title() + "', " + meeting.firstDay() + " to " + meeting.lastDay()
                    + " (" + meeting.timeZone() + ")"));
        }
        for (Session other : others) {
            if (other.id().equals(self) || other.status() != SessionStatus.SCHEDULED
                    || !other.overlaps(startsAt, endsAt)) {
                continue;
            }
            if (roomId != null && roomId.equals(other.roomId())) {
                violations.add(roomTaken(roomId, other.id(), other.title(), other.startsAt(), other.endsAt()));
            }
            for (String chair : chairs) {
                if (other.chairs().contains(chair)) {
                    violations.add(chairTaken(chair, other.id(), other.title(), other.startsAt(), other.endsAt()));
                }
            }
        }
        return violations;
    }

    static FieldViolation roomTaken(String roomId, String otherId, String otherTitle, Instant otherStart,
            Instant otherEnd) {
        return new FieldViolation("roomId", "room-double-booked", "room " + roomId + " is already used by session '"
                + otherTitle + "' (" + otherId + ") from " + otherStart + " to " + otherEnd);
    }

    static FieldViolation chairTaken(String chair, String otherId, String otherTitle, Instant otherStart,
            Instant otherEnd) {
        return new FieldViolation("chairs", "chair-double-booked", "chair '" + chair + "' already chairs session '"
                + otherTitle + "' (" + otherId + ") from " + otherStart + " to " + otherEnd);
    }

    /** Refuses the slot with a 422 naming every conflict, or returns quietly. */
    static void check(@Nullable String self, Meeting meeting, @Nullable String roomId, List<String> chairs,
            Instant startsAt, Instant endsAt, List<Session> others) {
        List<FieldViolation> violations = find(self, meeting, roomId, chairs, startsAt, endsAt, others);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(RULE, violations.getFirst().message()
                    + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""), violations);
        }
    }
}
