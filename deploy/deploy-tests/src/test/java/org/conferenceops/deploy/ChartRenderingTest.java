package org.conferenceops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ChartRenderingTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @ParameterizedTest
    @FieldSource("org.conferenceops.deploy.Chart#VALUES_FILES")
    void everyValuesFileRendersIntoManifestsThatReadStrictlyIntoTheirTypedModels(String valuesFile) {
        Manifests manifests = Chart.rendered(valuesFile);

        assertThat(manifests.all()).hasSizeGreaterThan(30);
        assertThat(manifests.of(HasMetadata.class)).allSatisfy(resource ->
                assertThat(resource.getMetadata().getLabels()).containsEntry("app.kubernetes.io/part-of", "conference-ops"));
    }

    @ParameterizedTest
    @FieldSource("org.conferenceops.deploy.Chart#VALUES_FILES")
    void everyValuesFilePassesStrictLint(String valuesFile, @TempDir Path scratch) {
        LintResult lint = Chart.lintStrict(valuesFile, scratch);

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void theReaderRefusesAnUnknownField() throws Exception {
        var deployment = YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replica: 2
                """);

        assertThatThrownBy(() -> Manifests.typed(deployment)).hasMessageContaining("replica");
    }

    @Test
    void theReaderRefusesAValueOfTheWrongType() throws Exception {
        var deployment = YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicas: "two"
                """);
        var configMap = YAML.readTree("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: x}
                data:
                  SERVER_PORT: 8080
                """);

        assertThatThrownBy(() -> Manifests.typed(deployment)).hasMessageContaining("replicas");
        assertThatThrownBy(() -> Manifests.typed(configMap)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReaderRefusesADuplicateKey() {
        String rendered = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: x
                  labels: {a: "1", a: "2"}
                """;

        assertThatThrownBy(() -> Manifests.parse(rendered)).hasMessageContaining("Duplicate field 'a'");
    }

    @Test
    void theReaderRefusesAnUnknownKindAndAWrongApiVersion() throws Exception {
        var ingress = YAML.readTree("{apiVersion: networking.k8s.io/v1, kind: Ingress, metadata: {name: x}}");
        var oldPdb = YAML.readTree("{apiVersion: policy/v1beta1, kind: PodDisruptionBudget, metadata: {name: x}}");

        assertThatThrownBy(() -> Manifests.typed(ingress)).hasMessageContaining("No typed model");
        assertThatThrownBy(() -> Manifests.typed(oldPdb)).hasMessageContaining("policy/v1");
    }

    @Test
    void aTypoInTheValuesFailsTheInstall() {
        assertThatThrownBy(() -> Chart.template(Chart.directory(), "values.yaml", Map.of("services.session.replica", 3)))
                .hasMessageContaining("replica");
        assertThatThrownBy(() -> Chart.template(Chart.directory(), "values.yaml", Map.of("kafka.authentication", "plain")))
                .hasMessageContaining("authentication");
    }

    @Test
    void noSecretIsRenderedOnlyReferenced() {
        for (String valuesFile : Chart.VALUES_FILES) {
            assertThat(Chart.rendered(valuesFile).all())
                    .noneMatch(resource -> resource.getClass().getSimpleName().equals("Secret"));
            assertThat(Chart.rendered(valuesFile).of(ConfigMap.class))
                    .allSatisfy(map -> assertThat(map.getData().keySet())
                            .noneMatch(key -> key.matches("(?i).*(PASSWORD|SECRET|TOKEN|MONGODB_URI|JAAS).*")));
        }
    }
}
