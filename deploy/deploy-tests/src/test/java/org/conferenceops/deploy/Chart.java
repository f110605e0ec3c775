package org.conferenceops.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The chart in {@code deploy/helm/conference-ops}, rendered and linted by the Helm 3 engine (helm-java). Renders
 * are cached per values file: every test class reads the same output.
 */
final class Chart {

    static final String RELEASE = "conference-ops";
    static final String NAMESPACE = "conference-ops";
    static final String KUBE_VERSION = "1.31.0";
    /** Every values file an operator may install with; values.yaml is the chart's defaults alone. */
    static final List<String> VALUES_FILES = List.of("values.yaml", "values-small.yaml", "values-production.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private Chart() {
    }

    static Path directory() {
        Path dir = Path.of("..", "helm", "conference-ops").toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("Chart.yaml"))) {
            throw new IllegalStateException("No chart at " + dir);
        }
        return dir;
    }

    /** The manifests rendered with the chart's values.yaml and, unless it is values.yaml, the given file. */
    static Manifests rendered(String valuesFile) {
        return RENDERED.computeIfAbsent(valuesFile, file -> {
            String rendered = template(directory(), file, Map.of());
            keepForInspection(file, rendered);
            return Manifests.parse(rendered);
        });
    }

    /** target/rendered/&lt;values file&gt;: what the tests read, for a person to look at. */
    private static void keepForInspection(String valuesFile, String rendered) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "rendered"));
            Files.writeString(dir.resolve(valuesFile), rendered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders with extra {@code --set} values; throws what Helm reports when it refuses. */
    static String template(Path chart, String valuesFile, Map<String, Object> set) {
        var command = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        if (!valuesFile.equals("values.yaml")) {
            command = command.withValuesFile(chart.resolve(valuesFile));
        }
        for (Map.Entry<String, Object> entry : set.entrySet()) {
            command = command.set(entry.getKey(), entry.getValue());
        }
        return command.call();
    }

    /**
     * {@code helm lint --strict} with the given values file. helm-java's lint reads only the chart's values.yaml, so
     * the chart is copied and its values.yaml replaced by the file merged over it the way Helm merges values.
     */
    static LintResult lintStrict(String valuesFile, Path scratch) {
        Path source = directory();
        if (valuesFile.equals("values.yaml")) {
            return new Helm(source).lint().strict().call();
        }
        Path copy = scratch.resolve("conference-ops");
        copyTree(source, copy);
        try {
            JsonNode merged = merge(YAML.readTree(source.resolve("values.yaml").toFile()),
                    YAML.readTree(source.resolve(valuesFile).toFile()));
            YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Helm(copy).lint().strict().call();
    }

    /** Helm's value coalescing: maps merge recursively, anything else replaces, null removes the key. */
    static JsonNode merge(JsonNode base, JsonNode override) {
        if (!(base instanceof ObjectNode target) || !override.isObject()) {
            return override.deepCopy();
        }
        ObjectNode result = target.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = override.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else if (result.has(field.getKey())) {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            } else {
                result.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return result;
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            List<Path> all = new ArrayList<>(paths.toList());
            for (Path path : all) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
