package org.conferenceops.bench.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a simulated ministerial did and whether every service agrees: one {@link Check} per cross-checked figure,
 * notes for what could not be checked, and what was done in figures.
 *
 * @param conferenceId the edition the run created
 * @param checks the cross-checks, in the order they ran
 * @param notes what was not checked and why (features not there yet, informational counts)
 * @param done figures of what the run did, e.g. {@code delegates registered → 30}
 * @param took how long the whole run took
 */
public record SimulationReport(String conferenceId, List<Check> checks, List<String> notes, Map<String, Long> done,
        Duration took) {

    /**
     * One figure as the run expects it and as a service reports it.
     *
     * @param area the service or concern, e.g. {@code registration}
     * @param what what is compared
     * @param expected what the run did or computed
     * @param actual what the service answered
     */
    public record Check(String area, String what, String expected, String actual) {

        /** Whether the service agrees. */
        public boolean passed() {
            return expected.equals(actual);
        }
    }

    /** Copies the lists. */
    public SimulationReport {
        checks = List.copyOf(checks);
        notes = List.copyOf(notes);
        done = Map.copyOf(done);
    }

    /** Whether every check passed. */
    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** The checks that failed. */
    public List<Check> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** The summary as a fixed-width table, for a terminal. */
    public String render() {
        List<String> lines = new ArrayList<>();
        lines.add("Ministerial " + conferenceId + " simulated in " + took.toSeconds() + " s");
        done.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> lines.add(String.format("  %-44s %,d", entry.getKey(), entry.getValue())));
        lines.add("");
        lines.add(String.format("%-4s %-14s %-58s %-16s %s", "", "AREA", "CHECK", "EXPECTED", "ACTUAL"));
        for (Check check : checks) {
            lines.add(String.format("%-4s %-14s %-58s %-16s %s", check.passed() ? "ok" : "FAIL", check.area(),
                    check.what(), check.expected(), check.actual()));
        }
        if (!notes.isEmpty()) {
            lines.add("");
            notes.forEach(note -> lines.add("note: " + note));
        }
        lines.add("");
        long failed = checks.stream().filter(c -> !c.passed()).count();
        lines.add(failed == 0 ? "All " + checks.size() + " checks passed."
                : failed + " of " + checks.size() + " checks FAILED.");
        return String.join(System.lineSeparator(), lines);
    }
}
