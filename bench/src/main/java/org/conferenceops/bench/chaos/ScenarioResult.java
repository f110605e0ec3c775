package org.conferenceops.bench.chaos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** What one scenario did and found: a verdict per invariant, the figures it measured, and an error if it aborted. */
public final class ScenarioResult {

    /**
     * One invariant checked after the fault.
     *
     * @param invariant what must hold, as a sentence
     * @param passed whether it held
     * @param detail the counts behind the verdict
     */
    public record Verdict(String invariant, boolean passed, String detail) {
    }

    private final String name;
    private final String fault;
    private final Consumer<String> progress;
    private final List<Verdict> verdicts = new ArrayList<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private @Nullable String error;

    ScenarioResult(String name, String fault, Consumer<String> progress) {
        this.name = name;
        this.fault = fault;
        this.progress = progress;
    }

    public String name() {
        return name;
    }

    public String fault() {
        return fault;
    }

    /** Records a verdict and prints it. */
    public synchronized void check(String invariant, boolean passed, String detail) {
        verdicts.add(new Verdict(invariant, passed, detail));
        progress.accept("  " + (passed ? "PASS" : "FAIL") + "  " + invariant + " — " + detail);
    }

    public synchronized void figure(String name, Object value) {
        figures.put(name, value);
    }

    /** The scenario could not finish; counted as a failure. */
    public synchronized void abort(String reason) {
        error = reason;
        progress.accept("  FAIL  scenario aborted: " + reason);
    }

    public synchronized List<Verdict> verdicts() {
        return List.copyOf(verdicts);
    }

    public synchronized Map<String, Object> figures() {
        return new LinkedHashMap<>(figures);
    }

    public synchronized @Nullable String error() {
        return error;
    }

    /** Whether every invariant held and the scenario finished. */
    public synchronized boolean passed() {
        return error == null && !verdicts.isEmpty() && verdicts.stream().allMatch(Verdict::passed);
    }

    /** As written to the results file. */
    public synchronized Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("scenario", name);
        map.put("fault", fault);
        map.put("passed", passed());
        if (error != null) {
            map.put("error", error);
        }
        map.put("invariants", verdicts.stream().map(v -> Map.of("invariant", v.invariant(), "passed", v.passed(),
                "detail", v.detail())).toList());
        map.put("figures", figures);
        return map;
    }
}
