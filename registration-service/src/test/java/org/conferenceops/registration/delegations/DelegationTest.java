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
        delegation.release(List.of("a2"));
        assertThat(delegation.reserve(List.of(new SeatRequest("a3", DelegationRole.ADVISER)), gaRule25, now).seated())
                .containsExactly("a3");
        assertThat(delegation.count(DelegationRole.ADVISER)).isEqualTo(2);
    }

    @Test
    void aSubstituteTakesOverTheSeatAndRole() {
        Delegation delegation = ghana();
        delegation.reserve(List.of(new SeatRequest("old", DelegationRole.ALTERNATE)), gaRule25, now);

        assertThat(delegation.transfer("old", "new", now)).isTrue();
        assertThat(delegation.seatOf("new")).hasValueSatisfying(s -> assertThat(s.role()).isEqualTo(DelegationRole.ALTERNATE));
        assertThat(delegation.seatOf("old")).isEmpty();
    }
}
