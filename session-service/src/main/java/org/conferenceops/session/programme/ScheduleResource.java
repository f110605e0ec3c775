package org.conferenceops.session.programme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Something a session occupies for its duration: a room (ids are unique across conferences) or a chair (a name,
 * unique within a conference).
 */
record ScheduleResource(Kind kind, String name) {

    enum Kind {
        ROOM,
        CHAIR
    }

    static ScheduleResource room(String roomId) {
        return new ScheduleResource(Kind.ROOM, roomId);
    }

    static ScheduleResource chair(String chair) {
        return new ScheduleResource(Kind.CHAIR, chair);
    }

    /** What a session with this room and these chairs occupies, in ledger-id order (always the same order). */
    static List<ScheduleResource> of(String conferenceId, @Nullable String roomId, List<String> chairs) {
        List<ScheduleResource> resources = new ArrayList<>();
        if (roomId != null) {
            resources.add(room(roomId));
        }
        chairs.stream().distinct().map(ScheduleResource::chair).forEach(resources::add);
        resources.sort(Comparator.comparing(r -> r.ledgerId(conferenceId)));
        return resources;
    }

    String ledgerId(String conferenceId) {
        return kind == Kind.ROOM ? "room|" + name : "chair|" + conferenceId + "|" + name;
    }

    boolean isUsedBy(Session session) {
        return kind == Kind.ROOM ? name.equals(session.roomId()) : session.chairs().contains(name);
    }
}
