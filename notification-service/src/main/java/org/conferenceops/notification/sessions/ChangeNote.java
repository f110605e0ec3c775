package org.conferenceops.notification.sessions;

import java.time.Instant;
import java.util.Map;
import org.conferenceops.events.session.Attendance;
import org.jspecify.annotations.Nullable;

/**
 * One change to a session waiting to be told, before and after as the event gave them.
 *
 * @param eventId       the change event
 * @param changeVersion the session's change version after it
 * @param type          what changed
 * @param before        the value before: {@code <start>/<end>} (ISO instants), a room id, a mode name, a capacity
 * @param after         the value after, same forms
 * @param attendance    for a capacity change: in-person or online places
 * @param link          for a mode change: the virtual link after it
 * @param urgent        whether the session started within the urgent window of the change
 * @param changedAt     when it was made
 */
record ChangeNote(String eventId, int changeVersion, Type type, @Nullable String before, @Nullable String after,
        @Nullable Attendance attendance, @Nullable String link, boolean urgent, Instant changedAt) {

    /** What changed, and the rule ({@code conference-ops.notifications.rules.<kind>}) that governs telling it. */
    enum Type {
        RESCHEDULED("session-rescheduled"), MOVED("session-moved"), MODE("session-mode-changed"),
        CAPACITY("session-capacity-changed");

        private final String rule;

        Type(String rule) {
            this.rule = rule;
        }

        String rule() {
            return rule;
        }
    }

    /**
     * Whether the change concerns a booking: time and mode concern everyone; a room only those in it; a capacity
     * only those waiting for a place of that kind (whoever loses or gains a seat is told by the seat message).
     */
    boolean concerns(RosterEntry.Status status, Attendance booked) {
        return switch (type) {
            case RESCHEDULED, MODE -> true;
            case MOVED -> booked == Attendance.IN_PERSON;
            case CAPACITY -> status == RosterEntry.Status.WAITLISTED && booked == attendance;
        };
    }

    /** Writes it into a message's values as change {@code index}. */
    void into(Map<String, String> values, int index) {
        String prefix = "change_" + index + "_";
        values.put(prefix + "type", type.name());
        if (before != null) {
            values.put(prefix + "before", before);
        }
        if (after != null) {
            values.put(prefix + "after", after);
        }
        if (attendance != null) {
            values.put(prefix + "attendance", attendance.name());
        }
        if (link != null) {
            values.put(prefix + "link", link);
        }
    }
}
