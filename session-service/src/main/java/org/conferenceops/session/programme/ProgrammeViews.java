package org.conferenceops.session.programme;

import java.time.LocalDate;
import org.conferenceops.events.session.SessionMode;
import org.jspecify.annotations.Nullable;

/** Meetings and rooms as clients see them. */
final class ProgrammeViews {

    private ProgrammeViews() {
    }

    record MeetingView(String id, String conferenceId, String title, @Nullable String city, SessionMode mode,
            LocalDate firstDay, LocalDate lastDay, String timeZone) {

        static MeetingView of(Meeting m) {
            return new MeetingView(m.id(), m.conferenceId(), m.title(), m.city(), m.mode(), m.firstDay(),
                    m.lastDay(), m.timeZone());
        }
    }

    record RoomView(String id, String conferenceId, String name, int capacity) {

        static RoomView of(Room r) {
            return new RoomView(r.id(), r.conferenceId(), r.name(), r.capacity());
        }
    }
}
