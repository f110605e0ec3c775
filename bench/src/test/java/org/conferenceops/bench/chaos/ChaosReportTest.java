package org.conferenceops.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChaosReportTest {

    private final List<String> printed = new ArrayList<>();

    @Test
    void aScenarioPassesOnlyWhenEveryInvariantHeldAndItFinished() {
        ScenarioResult held = new ScenarioResult("kafka-kill", "broker killed", printed::add);
        held.check("nothing lost", true, "10 of 10");
        ScenarioResult broken = new ScenarioResult("poison", "junk", printed::add);
        broken.check("dead-lettered", true, "4 of 4");
        broken.check("no duplicate", false, "1 duplicated");
        ScenarioResult aborted = new ScenarioResult("mongodb-restart", "stopped", printed::add);
        aborted.check("stored", true, "all");
        aborted.abort("restart timed out");
        ScenarioResult empty = new ScenarioResult("fixtures", "replayed", printed::add);

        assertThat(held.passed()).isTrue();
        assertThat(broken.passed()).isFalse();
        assertThat(aborted.passed()).isFalse();
        assertThat(empty.passed()).as("a scenario that checked nothing proves nothing").isFalse();
        assertThat(printed).contains("  PASS  nothing lost — 10 of 10", "  FAIL  no duplicate — 1 duplicated",
                "  FAIL  scenario aborted: restart timed out");
    }

    @Test
    void theMarkdownHasOneRowPerInvariantAndNamesTheFailures() {
        ScenarioResult result = new ScenarioResult("poison", "junk | among good", printed::add);
        result.check("dead-lettered", true, "4 of 4");
        result.check("no duplicate", false, "1 duplicated");

        String markdown = ChaosReport.markdown("20261122t150000", Map.of("machine", "2 cpus"), List.of(result));

        assertThat(markdown).contains("# Resilience suite 20261122t150000")
                .contains("| poison | junk / among good | dead-lettered | PASS | 4 of 4 |")
                .contains("|  |  | no duplicate | **FAIL** | 1 duplicated |");
    }
}
