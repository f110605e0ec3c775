package org.conferenceops.bench.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.conferenceops.bench.Api;

/** The results file of a run: {@code chaos-<stamp>.json} (every verdict and figure) and {@code .md} (the table). */
public final class ChaosReport {

    private ChaosReport() {
    }

    /** Writes both files and returns the JSON one. */
    public static Path write(Path dir, String stamp, Map<String, Object> run, List<ScenarioResult> results) {
        Map<String, Object> document = new java.util.LinkedHashMap<>(run);
        document.put("passed", results.stream().allMatch(ScenarioResult::passed));
        document.put("scenarios", results.stream().map(ScenarioResult::toMap).toList());
        Path json = dir.resolve("chaos-" + stamp + ".json");
        try {
            Files.createDirectories(dir);
            Files.writeString(json, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
            Files.writeString(dir.resolve("chaos-" + stamp + ".md"), markdown(stamp, run, results));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the results to " + dir, e);
        }
        return json;
    }

    /** One row per invariant of each scenario. */
    public static String markdown(String stamp, Map<String, Object> run, List<ScenarioResult> results) {
        StringBuilder md = new StringBuilder();
        md.append("# Resilience suite ").append(stamp).append("\n\n");
        md.append("Machine: ").append(run.get("machine")).append("\n\n");
        md.append("| scenario | fault | invariant | result | detail |\n|---|---|---|---|---|\n");
        for (ScenarioResult result : results) {
            if (result.error() != null) {
                md.append("| ").append(result.name()).append(" | ").append(cell(result.fault()))
                        .append(" | scenario finished | **FAIL** | ").append(cell(result.error())).append(" |\n");
            }
            boolean first = result.error() == null;
            for (ScenarioResult.Verdict verdict : result.verdicts()) {
                md.append("| ").append(first ? result.name() : "").append(" | ")
                        .append(first ? cell(result.fault()) : "").append(" | ")
                        .append(cell(verdict.invariant())).append(" | ").append(verdict.passed() ? "PASS" : "**FAIL**")
                        .append(" | ").append(cell(verdict.detail())).append(" |\n");
                first = false;
            }
        }
        md.append("\nFigures per scenario (settle time, answers by status, restarts): chaos-").append(stamp)
                .append(".json\n");
        return md.toString();
    }

    private static String cell(String text) {
        String flat = text.replace('|', '/').replace('\n', ' ');
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
