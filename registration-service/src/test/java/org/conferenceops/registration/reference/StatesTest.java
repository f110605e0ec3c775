package org.conferenceops.registration.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatesTest {

    private final States states = new States();

    @Test
    void theReferenceListHoldsThe193MemberStatesWithUniqueAlpha3CodesAndTwoObservers() {
        assertThat(states.memberStates()).hasSize(193)
                .allSatisfy(s -> assertThat(s.code()).matches("[A-Z]{3}"))
                .extracting(State::code).doesNotHaveDuplicates().contains("KOR", "GHA", "DEU", "SSD");
        assertThat(states.find("vat")).hasValueSatisfying(s -> assertThat(s.observer()).isTrue());
        assertThat(states.find("XYZ")).isEmpty();
        assertThat(states.find("civ")).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("Côte d'Ivoire"));
    }
}
