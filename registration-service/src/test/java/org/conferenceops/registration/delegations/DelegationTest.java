package org.conferenceops.registration.delegations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.conferenceops.events.registration.DelegationKind;
import org.conferenceops.events.registration.DelegationRegistered;
import org.conferenceops.registration.conferences.DelegationSizeRule;
import org.junit.jupiter.api.Test;

/** The size rule as the delegation enforces it. */
class DelegationTest {

    private final Instant now = Instant.parse("2025-04-01T10:00:00Z");
    private final DelegationSizeRule gaRule25 = new DelegationSizeRule(5, 5, 2);

    private Delegation ghana() {
        Delegation.Registered registered = Delegation.register("berlin-2025", DelegationKind.MEMBER_STATE, "GHA",
                "Ghana", null, now);
        assertThat(registered.events()).singleElement().isInstanceOfSatisfying(DelegationRegistered.class,
                e -> assertThat(e.delegationId()).isEqualTo("berlin-2025-GHA"));
        return registered.delegation();
    }

    @Test
    void theHeadCountsAsARepresentativeAndThereIsOnlyOne() {
        Delegation delegation = ghana();

        Delegation.Reservation reservation = delegation.reserve(List.of(new SeatRequest("h1", DelegationRole.HEAD),
                new SeatRequest("h2", DelegationRole.HEAD), new SeatRequest("r1", DelegationRole.REPRESENTATIVE),
                new SeatRequest("r2", DelegationRole.REPRESENTATIVE), new SeatRequest("r3", DelegationRole.REPRESENTATIVE),
                new SeatRequest("r4", DelegationRole.REPRESENTATIVE), new SeatRequest("r5", DelegationRole.REPRESENTATIVE)),
                gaRule25, now);

        assertThat(reservation.seated()).containsExactly("h1", "r1", "r2", "r3", "r4");
        assertThat(reservation.refused()).containsOnlyKeys("h2", "r5");
        assertThat(reservation.refused().get("h2")).contains("already has a head");
        assertThat(delegation.headOfDelegation()).hasValue("h1");
    }

    @Test
    void aRetriedReservationIsNotCountedTwiceAndReleasedSeatsCanBeTakenAgain() {
        Delegation delegation = ghana();
        delegation.reserve(List.of(new SeatRequest("a1", DelegationRole.ADVISER), new SeatRequest("a2", DelegationRole.ADVISER)),
                gaRule25, now);

        assertThat(delegation.reserve(List.of(new SeatRequest("a1", DelegationRole.ADVISER)), gaRule25, now).seated())
                .containsExactly("a1");
        assertThat(delegation.reserve(List.of(new SeatRequest("a3", DelegationRole.ADVISER)), gaRule25, now).refused())
                .containsKey("a3");
        delegation.giveBack(List.of("a2"));
        assertThat(delegation.reserve(List.of(new SeatRequest("a3", DelegationRole.ADVISER)), gaRule25, now).seated())
                .containsExactly("a3");
        assertThat(delegation.count(DelegationRole.ADVISER)).isEqualTo(2);
    }

    @Test
    void aSubstituteTakesOverAListedReservationAndTheHeadOfDelegation() {
        Delegation delegation = ghana();
        delegation.reserve(List.of(new SeatRequest("old", DelegationRole.ALTERNATE),
                new SeatRequest("head", DelegationRole.HEAD)), gaRule25, now);

        assertThat(delegation.transfer("old", "new", now)).isTrue();
        assertThat(delegation.reservationOf("new")).hasValueSatisfying(s -> assertThat(s.role()).isEqualTo(DelegationRole.ALTERNATE));
        assertThat(delegation.reservationOf("old")).isEmpty();
        delegation.settle(id -> true, now);
        assertThat(delegation.transfer("head", "new-head", now)).isTrue();
        assertThat(delegation.headOfDelegation()).hasValue("new-head");
        assertThat(delegation.transfer("new", "newer", now)).as("a settled seat is a count, which stays").isFalse();
        assertThat(delegation.taken()).isEqualTo(new SeatCounts(1, 0, 1, 0));
    }

    @Test
    void settlingKeepsTheSeatsOfDelegatesWhoExistAndFreesOrphansPastTheirGrace() {
        Delegation delegation = ghana();
        delegation.reserve(List.of(new SeatRequest("written", DelegationRole.ADVISER),
                new SeatRequest("crashed", DelegationRole.ADVISER)), gaRule25, now);
        delegation.reserve(List.of(new SeatRequest("in-flight", DelegationRole.ALTERNATE)), gaRule25, now.plusSeconds(100));

        Delegation.Settled settled = delegation.settle("written"::equals, now.plusSeconds(60));

        assertThat(settled).isEqualTo(new Delegation.Settled(1, 1));
        assertThat(delegation.reservations()).extracting(Seat::delegateId).containsExactly("in-flight");
        assertThat(delegation.taken()).as("the written delegate's seat and the one in flight")
                .isEqualTo(new SeatCounts(0, 0, 1, 1));
        assertThat(delegation.reserve(List.of(new SeatRequest("a2", DelegationRole.ADVISER)), gaRule25, now).seated())
                .as("the orphan's seat is free again").containsExactly("a2");
        assertThat(delegation.reserve(List.of(new SeatRequest("a3", DelegationRole.ADVISER)), gaRule25, now).refused())
                .as("the settled seat still counts").containsKey("a3");
    }

    @Test
    void givingBackFreesOnlyListedReservationsAndReleasingFreesASettledSeatByItsRole() {
        Delegation delegation = ghana();
        delegation.reserve(List.of(new SeatRequest("h", DelegationRole.HEAD), new SeatRequest("a", DelegationRole.ADVISER),
                new SeatRequest("never-written", DelegationRole.ADVISER)), gaRule25, now);
        delegation.settle(id -> !id.equals("never-written"), now.minusSeconds(1));

        assertThat(delegation.giveBack(List.of("never-written"))).isTrue();
        assertThat(delegation.giveBack(List.of("never-written", "a"))).as("nothing listed: no seat freed twice").isFalse();
        assertThat(delegation.taken()).isEqualTo(new SeatCounts(1, 0, 0, 1));

        delegation.release("h", DelegationRole.HEAD);
        assertThat(delegation.taken()).isEqualTo(new SeatCounts(0, 0, 0, 1));
        assertThat(delegation.headOfDelegation()).isEmpty();
        assertThat(delegation.reserve(List.of(new SeatRequest("h2", DelegationRole.HEAD)), gaRule25, now).seated())
                .containsExactly("h2");
    }

    @Test
    void theDocumentStaysSmallHoweverManyDelegatesRegister() {
        Delegation delegation = ghana();
        DelegationSizeRule large = new DelegationSizeRule(5, 5, 5000);
        for (int i = 0; i < 2000; i++) {
            if (delegation.shouldSettle()) {
                delegation.settle(id -> true, now);
            }
            delegation.reserve(List.of(new SeatRequest("a" + i, DelegationRole.ADVISER)), large, now);
        }

        assertThat(delegation.count(DelegationRole.ADVISER)).isEqualTo(2000);
        assertThat(delegation.reservations()).hasSizeLessThanOrEqualTo(Delegation.SETTLE_AT);
    }

    @Test
    void aDocumentThatListedEverySeatIsCountedFromItsList() {
        List<Seat> legacy = List.of(new Seat("h", DelegationRole.HEAD, now), new Seat("r", DelegationRole.REPRESENTATIVE, now),
                new Seat("a", DelegationRole.ADVISER, now));

        Delegation delegation = new Delegation("berlin-2025-GHA", "berlin-2025", DelegationKind.MEMBER_STATE, "GHA",
                "Ghana", null, legacy, null, null, now);

        assertThat(delegation.taken()).isEqualTo(new SeatCounts(1, 1, 0, 1));
        assertThat(delegation.headOfDelegation()).hasValue("h");
        delegation.settle(id -> true, now);
        assertThat(delegation.reservations()).isEmpty();
        assertThat(delegation.taken()).isEqualTo(new SeatCounts(1, 1, 0, 1));
    }
}
