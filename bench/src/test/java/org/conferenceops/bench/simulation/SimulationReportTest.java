package org.conferenceops.bench.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationReportTest {

    @Test
    void passesOnlyWhenEveryServiceAgreesAndNamesWhatDoesNot() {
        SimulationReport report = new SimulationReport("sim-1", List.of(
                new SimulationReport.Check("registration", "delegates ACCREDITED", "19", "19"),
                new SimulationReport.Check("seats", "plenary CONFIRMED", "7", "8")),
                List.of("no reminders yet"), Map.of("delegates registered", 20L), Duration.ofSeconds(5));

        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).extracting(SimulationReport.Check::what).containsExactly("plenary CONFIRMED");
        assertThat(report.render()).contains("FAIL", "plenary CONFIRMED", "1 of 2 checks FAILED", "note: no reminders");
    }

    @Test
    void sizesRunsFromASmokeTestToABerlinSizedMinisterial() {
        assertThat(SimulationSettings.sized(5).delegates()).isEqualTo(30);
        assertThat(SimulationSettings.sized(190).delegates()).isEqualTo(3040);
        assertThat(MemberStates.CODES).hasSize(193).doesNotHaveDuplicates().startsWith("KOR", "GHA", "DEU");
    }

    @Test
    void refusesAnEditionIdTheRegistrationServiceWouldRefuse() {
        assertThatThrownBy(() -> new SimulationSettings("Sim 1", 5, 6, 4, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
