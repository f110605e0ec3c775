package org.conferenceops.session.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.conferenceops.events.session.SessionMode;
import org.junit.jupiter.api.Test;

class ScheduleLedgerTest {

    private static final Instant NOW = Instant.parse("2021-12-01T00:00:00Z");
    private final Meeting seoul = new Meeting("m", "seoul-2021", "Ministerial", "Seoul", SessionMode.HYBRID,
            LocalDate.parse("2021-12-07"), LocalDate.parse("2021-12-08"), "Asia/Seoul");
    private final Session inHall = session("s1", "hall", "chair-a", "2021-12-07T01:00:00Z", "2021-12-07T03:00:00Z");
    private final Session elsewhere = session("s2", "room-2", "chair-b", "2021-12-07T01:00:00Z",
            "2021-12-07T03:00:00Z");

    @Test
    void aNewLedgerHoldsTheSlotsOfTheScheduledSessionsUsingItsResourceOnly() {
        ScheduleLedger hall = ScheduleLedger.open("seoul-2021", ScheduleResource.room("hall"),
                List.of(inHall, elsewhere));
        ScheduleLedger chair = ScheduleLedger.open("seoul-2021", ScheduleResource.chair("chair-b"),
                List.of(inHall, elsewhere));

        assertThat(hall.id()).isEqualTo("room|hall");
        assertThat(hall.slots()).extracting(ScheduleLedger.Slot::sessionId).containsExactly("s1");
        assertThat(chair.id()).isEqualTo("chair|seoul-2021|chair-b");
        assertThat(chair.slots()).extracting(ScheduleLedger.Slot::sessionId).containsExactly("s2");
    }

    @Test
    void anOverlappingSlotOfAnotherSessionConflictsButTheSessionsOwnAndBackToBackOnesDoNot() {
        ScheduleLedger hall = ScheduleLedger.open("seoul-2021", ScheduleResource.room("hall"), List.of(inHall));

        assertThat(hall.conflicts("s9", at("2021-12-07T02:59:00Z"), at("2021-12-07T04:00:00Z")))
                .extracting(ScheduleLedger.Slot::sessionId).containsExactly("s1");
        assertThat(hall.conflicts("s1", at("2021-12-07T02:00:00Z"), at("2021-12-07T04:00:00Z"))).isEmpty();
        assertThat(hall.conflicts("s9", at("2021-12-07T03:00:00Z"), at("2021-12-07T04:00:00Z"))).isEmpty();
        assertThat(hall.holds("s1", at("2021-12-07T01:00:00Z"), at("2021-12-07T03:00:00Z"))).isTrue();
        assertThat(hall.holds("s1", at("2021-12-07T02:00:00Z"), at("2021-12-07T03:00:00Z"))).isFalse();
    }

    @Test
    void aCancelledSessionHoldsNoSlotInANewLedger() {
        inHall.cancel("merged", NOW);

        assertThat(ScheduleLedger.open("seoul-2021", ScheduleResource.room("hall"), List.of(inHall)).slots())
                .isEmpty();
    }

    @Test
    void resourcesAreAlwaysTakenInTheSameOrderWhateverTheOrderOfTheChairs() {
        assertThat(ScheduleResource.of("c", "hall", List.of("zed", "amy", "amy")))
                .isEqualTo(ScheduleResource.of("c", "hall", List.of("amy", "zed")))
                .extracting(r -> r.ledgerId("c")).containsExactly("chair|c|amy", "chair|c|zed", "room|hall");
        assertThat(ScheduleResource.of("c", null, List.of())).isEmpty();
    }

    private Session session(String id, String room, String chair, String start, String end) {
        return Session.schedule(id, seoul, new Session.Plan("t", "Title " + id, List.of(chair), room,
                SessionMode.IN_PERSON, null, at(start), at(end), 100, 0), NOW).session();
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
