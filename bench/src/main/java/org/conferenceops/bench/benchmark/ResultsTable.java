package org.conferenceops.bench.benchmark;

import java.util.List;
import java.util.Map;

/** The short Markdown summary written next to each results file. */
final class ResultsTable {

    private ResultsTable() {
    }

    static String markdown(String stamp, Map<String, Object> results, List<Map<String, Object>> targets) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark ").append(stamp).append("\n\n");
        md.append("Machine: ").append(results.get("machine")).append("\n\n");
        md.append("| target | measured | required | met |\n|---|---|---|---|\n");
        for (Map<String, Object> row : targets) {
            md.append("| ").append(row.get("target")).append(" | ").append(row.get("measured")).append(' ')
                    .append(row.get("unit")).append(" | ").append(row.get("required")).append(' ')
                    .append(row.get("unit")).append(" | ").append(Boolean.TRUE.equals(row.get("met")) ? "yes" : "**no**")
                    .append(" |\n");
        }
        md.append("\nCeilings measured in the same run: ").append(results.get("ceilings")).append("\n");
        Object fanOut = results.get("fanOut");
        if (fanOut != null) {
            md.append("\nFan-out: ").append(fanOut).append("\n");
        }
        md.append("\nFull figures (latency percentiles from HdrHistogram, ratios to the ceilings): ").append(stamp)
                .append(".json\n");
        return md.toString();
    }
}
