package org.conferenceops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every service runs hardened, probed, bounded and protected from voluntary disruption, in every values file. */
class WorkloadPolicyTest {

    @ParameterizedTest
    @FieldSource("org.conferenceops.deploy.Chart#VALUES_FILES")
    void everyServiceHasADeploymentAServiceAndAPodDisruptionBudgetSelectingItsPods(String valuesFile) {
        Manifests manifests = Chart.rendered(valuesFile);

        for (String service : FlowTable.PRODUCES.keySet()) {
            Deployment deployment = manifests.named(Deployment.class, service).orElseThrow();
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            Service http = manifests.named(Service.class, service).orElseThrow();
            PodDisruptionBudget budget = manifests.named(PodDisruptionBudget.class, service).orElseThrow();

            assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(podLabels).containsAllEntriesOf(http.getSpec().getSelector());
            assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
            assertThat(budget.getSpec().getMinAvailable() == null ^ budget.getSpec().getMaxUnavailable() == null)
                    .as("%s: exactly one of minAvailable and maxUnavailable", service).isTrue();
            assertThat(http.getSpec().getPorts()).singleElement()
                    .satisfies(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
        }
    }

    @ParameterizedTest
    @FieldSource("org.conferenceops.deploy.Chart#VALUES_FILES")
    void everyContainerIsProbedOnTheHealthGroupsAndHasRequestsAndLimits(String valuesFile) {
        for (Deployment deployment : Chart.rendered(valuesFile).of(Deployment.class)) {
            Container container = onlyContainer(deployment);
            String name = deployment.getMetadata().getName();

            assertThat(path(container.getLivenessProbe())).as(name).isEqualTo("/actuator/health/liveness");
            assertThat(path(container.getReadinessProbe())).as(name).isEqualTo("/actuator/health/readiness");
            assertThat(container.getPorts()).as(name)
                    .anySatisfy(port -> assertThat(port.getName()).isEqualTo("http"));
            assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(name).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits().get("memory").getNumericalAmount())
                    .as(name + ": memory limit ≥ request")
                    .isGreaterThanOrEqualTo(container.getResources().getRequests().get("memory").getNumericalAmount());
        }
    }

    @ParameterizedTest
    @FieldSource("org.conferenceops.deploy.Chart#VALUES_FILES")
    void everyPodRunsNonRootOnAReadOnlyFilesystemWithNoCapabilitiesAndTheDefaultSeccompProfile(String valuesFile) {
        for (Deployment deployment : Chart.rendered(valuesFile).of(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = onlyContainer(deployment);
            var security = container.getSecurityContext();
            String name = deployment.getMetadata().getName();

            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isPositive();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
            assertThat(security.getReadOnlyRootFilesystem()).as(name).isTrue();
            assertThat(security.getAllowPrivilegeEscalation()).as(name).isFalse();
            assertThat(security.getPrivileged()).as(name).isNotEqualTo(Boolean.TRUE);
            assertThat(security.getCapabilities().getDrop()).as(name).containsExactly("ALL");
            assertThat(security.getCapabilities().getAdd()).as(name).isNullOrEmpty();
            assertThat(pod.getAutomountServiceAccountToken()).as(name).isFalse();
            Volume tmp = pod.getVolumes().stream().filter(volume -> volume.getName().equals("tmp")).findFirst()
                    .orElseThrow();
            assertThat(tmp.getEmptyDir()).as(name + ": /tmp is an emptyDir").isNotNull();
            assertThat(container.getVolumeMounts()).as(name)
                    .anySatisfy(mount -> {
                        assertThat(mount.getName()).isEqualTo("tmp");
                        assertThat(mount.getMountPath()).isEqualTo("/tmp");
                    });
        }
    }

    @ParameterizedTest
    @FieldSource("org.conferenceops.deploy.Chart#VALUES_FILES")
    void imagesArePinnedToAReleaseVersion(String valuesFile) {
        for (Deployment deployment : Chart.rendered(valuesFile).of(Deployment.class)) {
            String image = onlyContainer(deployment).getImage();
            String tag = image.substring(image.lastIndexOf(':') + 1);

            assertThat(image).as("image with a tag").matches(".+/[a-z-]+-service:[^/:]+");
            assertThat(tag).isNotEqualToIgnoringCase("latest");
        }
    }

    @Test
    void theLatestTagIsRefused() {
        assertThatThrownBy(() -> Chart.template(Chart.directory(), "values.yaml", Map.of("image.tag", "latest")))
                .hasMessageContaining("image");
        assertThatThrownBy(() -> Chart.template(Chart.directory(), "values.yaml",
                Map.of("services.pledge.imageTag", "latest"))).hasMessageContaining("imageTag");
    }

    @Test
    void aServiceCanRunItsOwnReleaseToUpgradeConsumersBeforeProducers() {
        Manifests manifests = Manifests.parse(Chart.template(Chart.directory(), "values-production.yaml",
                Map.of("services.pledge.imageTag", "0.2.0")));

        assertThat(onlyContainer(manifests.named(Deployment.class, "pledge-service").orElseThrow()).getImage())
                .endsWith("/pledge-service:0.2.0");
        assertThat(onlyContainer(manifests.named(Deployment.class, "session-service").orElseThrow()).getImage())
                .endsWith("/session-service:0.1.0");
    }

    @ParameterizedTest
    @FieldSource("org.conferenceops.deploy.Chart#VALUES_FILES")
    void everyServiceGetsItsSettingsFromItsConfigMapAndItsSecretsOnlyByReference(String valuesFile) {
        Manifests manifests = Chart.rendered(valuesFile);
        for (String service : FlowTable.PRODUCES.keySet()) {
            Container container = onlyContainer(manifests.named(Deployment.class, service).orElseThrow());
            Map<String, String> config = manifests.named(ConfigMap.class, service).orElseThrow().getData();
            String database = service.substring(0, service.indexOf('-')).toUpperCase() + "_DB";

            assertThat(container.getEnvFrom()).singleElement()
                    .satisfies(source -> assertThat(source.getConfigMapRef().getName()).isEqualTo(service));
            assertThat(config).containsKeys("KAFKA_BOOTSTRAP_SERVERS", database, "CONFERENCE_OPS_SECURITY_ISSUER",
                    "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI", "SERVER_PORT");
            assertThat(config).containsEntry("LOG_FORMAT", "json").containsEntry("SERVER_PORT", "8080");
            assertThat(config.containsKey("SMTP_HOST")).isEqualTo(service.equals("notification-service"));
            // calendar subscription links are fetched without a token, from the public address
            assertThat(config.containsKey("SESSION_CALENDAR_PUBLIC_URL")).isEqualTo(service.equals("session-service"));
            EnvVar mongo = container.getEnv().stream().filter(env -> env.getName().equals("MONGODB_URI")).findFirst()
                    .orElseThrow();
            assertThat(mongo.getValue()).isNull();
            assertThat(mongo.getValueFrom().getSecretKeyRef().getName()).isEqualTo(service + "-mongodb");
            assertThat(container.getEnv()).filteredOn(env -> env.getValue() != null)
                    .allSatisfy(env -> assertThat(env.getName()).doesNotContainIgnoringCase("PASSWORD")
                            .doesNotContainIgnoringCase("JAAS").doesNotContainIgnoringCase("URI"));
        }
    }

    private static Container onlyContainer(Deployment deployment) {
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    private static String path(Probe probe) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
        return probe.getHttpGet().getPath();
    }
}
