package org.conferenceops.session.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.conferenceops.events.session.Attendance;
import org.conferenceops.events.session.SessionCapacityChanged;
import org.conferenceops.events.session.SessionMode;
import org.conferenceops.events.session.SessionMoved;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.IllegalStateTransitionException;
import org.junit.jupiter.api.Test;

class ScheduleConflictsTest {

    private static final Instant NOW = Instant.parse("2021-12-01T00:00:00Z");
    private final Meeting seoul = new Meeting("m", "seoul-2021", "Ministerial", "Seoul", SessionMode.HYBRID,
            LocalDate.parse("2021-12-07"), LocalDate.parse("2021-12-08"), "Asia/Seoul");
    private final Session track1 = Session.schedule("s1", seoul, new Session.Plan("sustaining peace",
            "Sustaining peace", List.of("chair-a"), "hall", SessionMode.HYBRID, "https://x", at("2021-12-07T01:00:00Z"),
            at("2021-12-07T03:00:00Z"), 500, 100), NOW).session();

    @Test
    void aSessionInTheSameRoomAtAnOverlappingTimeIsAConflictNamingTheOtherSession() {
        List<FieldViolation> found = ScheduleConflicts.find(null, seoul, "hall", List.of(), at("2021-12-07T02:59:00Z"),
                at("2021-12-07T04:00:00Z"), List.of(track1));

        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("room-double-booked");
            assertThat(v.message()).contains("s1").contains("Sustaining peace");
        });
    }

    @Test
    void aChairInTwoPlacesAtOnceIsAConflictButBackToBackSessionsAreNot() {
        assertThat(ScheduleConflicts.find(null, seoul, "room-2", List.of("chair-a"), at("2021-12-07T02:00:00Z"),
                at("2021-12-07T02:30:00Z"), List.of(track1))).extracting(FieldViolation::code)
                .containsExactly("chair-double-booked");
        assertThat(ScheduleConflicts.find(null, seoul, "hall", List.of("chair-a"), at("2021-12-07T03:00:00Z"),
                at("2021-12-07T04:00:00Z"), List.of(track1))).isEmpty();
    }

    @Test
    void aSessionOnADayOutsideItsMeetingInTheMeetingsZoneIsRefused() {
        // 16:00Z on the 8th is already the 9th in Seoul
        assertThat(ScheduleConflicts.find(null, seoul, "hall", List.of(), at("2021-12-08T16:00:00Z"),
                at("2021-12-08T17:00:00Z"), List.of())).extracting(FieldViolation::code)
                .containsExactly("outside-meeting-days");
        assertThat(ScheduleConflicts.find(null, seoul, "hall", List.of(), at("2021-12-08T13:00:00Z"),
                at("2021-12-08T14:00:00Z"), List.of())).isEmpty();
    }

    @Test
    void aSessionDoesNotConflictWithItselfWhenRescheduled() {
        assertThat(ScheduleConflicts.find("s1", seoul, "hall", List.of("chair-a"), at("2021-12-07T02:00:00Z"),
                at("2021-12-07T04:00:00Z"), List.of(track1))).isEmpty();
    }

    @Test
    void movingToASmallerRoomTakesItsCapacityAndReportsBeforeAndAfter() {
        Session session = Session.schedule("s2", seoul, new Session.Plan("t", "T", List.of(), "hall",
                SessionMode.IN_PERSON, null, at("2021-12-07T01:00:00Z"), at("2021-12-07T02:00:00Z"), 500, 0), NOW)
                .session();

        assertThat(session.moveTo(new Room("room-3", "seoul-2021", "Room 3", 120), NOW)).singleElement()
                .isEqualTo(new SessionMoved("s2", "seoul-2021", 2, "hall", "room-3", 500, 120, NOW));
        assertThat(session.changeCapacity(Attendance.IN_PERSON, 100, NOW)).singleElement()
                .isEqualTo(new SessionCapacityChanged("s2", "seoul-2021", 3, Attendance.IN_PERSON, 120, 100, NOW));
        assertThat(session.cancel("merged", NOW)).hasSize(1);
        assertThatThrownBy(() -> session.reschedule(NOW, NOW.plusSeconds(60), NOW))
                .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining("CANCELLED");
        assertThat(session.cancel("again", NOW)).isEmpty();
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
