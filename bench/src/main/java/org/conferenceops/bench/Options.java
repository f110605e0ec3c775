package org.conferenceops.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the form {@code --name=value} (or {@code --flag}), checked against the names a command
 * knows.
 */
public final class Options {

    /** Options that move a service or the infrastructure away from what {@code stack.json} says. */
    public static final Set<String> ENDPOINT_OPTIONS = Set.of("registration", "session", "pledge", "notification",
            "token", "inbox", "kafka");

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException for an argument that is not an option or names no known option
     */
    public static Options parse(List<String> args, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            if (!known.contains(name) && !ENDPOINT_OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + known + " and "
                        + ENDPOINT_OPTIONS);
            }
            values.put(name, equals < 0 ? "true" : arg.substring(equals + 1));
        }
        return new Options(values);
    }

    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value.strip());
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number: " + value, e);
        }
    }

    /** A duration in seconds ({@code 60}) or ISO-8601 ({@code PT5M}). */
    public Duration duration(String name, Duration fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        return value.startsWith("P") || value.startsWith("p") ? Duration.parse(value)
                : Duration.ofSeconds(Long.parseLong(value.strip().replaceAll("s$", "")));
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * The stack to drive: {@code --stack-file} (default {@code $CONFERENCE_OPS_DATA/stack.json}, else
     * {@code .conference-ops/data/stack.json}) with any endpoint options applied.
     */
    public StackEndpoints endpoints() {
        String dataDir = System.getenv().getOrDefault("CONFERENCE_OPS_DATA", ".conference-ops/data");
        Path file = Path.of(text("stack-file", Path.of(dataDir, "stack.json").toString()));
        Map<String, String> overrides = new LinkedHashMap<>();
        ENDPOINT_OPTIONS.forEach(option -> {
            if (values.containsKey(option)) {
                overrides.put(option, values.get(option));
            }
        });
        return StackEndpoints.fromStackJson(file).with(overrides);
    }
}
