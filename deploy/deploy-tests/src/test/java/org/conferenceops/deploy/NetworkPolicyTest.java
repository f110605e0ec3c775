package org.conferenceops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Default deny, then exactly the flows the services need: HTTP in from the ingress controller and Prometheus;
 * out to DNS, Kafka, MongoDB and the OIDC issuer, and SMTP for notification-service only.
 */
class NetworkPolicyTest {

    @ParameterizedTest
    @FieldSource("org.conferenceops.deploy.Chart#VALUES_FILES")
    void everyPodIsCoveredByADefaultDenyPolicy(String valuesFile) {
        Manifests manifests = Chart.rendered(valuesFile);
        NetworkPolicy deny = manifests.of(NetworkPolicy.class).stream()
                .filter(policy -> policy.getSpec().getIngress().isEmpty() && policy.getSpec().getEgress().isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("no default-deny NetworkPolicy"));

        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        for (Deployment deployment : manifests.of(Deployment.class)) {
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(deny.getSpec().getPodSelector().getMatchLabels());
        }
    }

    @ParameterizedTest
    @FieldSource("org.conferenceops.deploy.Chart#VALUES_FILES")
    void httpIsReachableOnlyFromTheIngressControllerAndPrometheus(String valuesFile) {
        Manifests manifests = Chart.rendered(valuesFile);
        for (Deployment deployment : manifests.of(Deployment.class)) {
            NetworkPolicy policy = policyOf(manifests, deployment);

            assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> {
                assertThat(rule.getPorts()).extracting(port -> port.getPort().getStrVal()).containsExactly("http");
                assertThat(rule.getFrom()).extracting(this::namespace)
                        .containsExactlyInAnyOrder("ingress-nginx", "monitoring");
                assertThat(rule.getFrom()).allSatisfy(peer -> assertThat(peer.getIpBlock()).isNull());
            });
        }
    }

    @ParameterizedTest
    @FieldSource("org.conferenceops.deploy.Chart#VALUES_FILES")
    void egressGoesOnlyToDnsKafkaMongodbTheIssuerAndForNotificationSmtp(String valuesFile) {
        Manifests manifests = Chart.rendered(valuesFile);
        for (Deployment deployment : manifests.of(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            List<NetworkPolicyEgressRule> egress = policyOf(manifests, deployment).getSpec().getEgress();
            Set<Integer> tcpPorts = egress.stream().flatMap(rule -> rule.getPorts().stream())
                    .filter(port -> port.getProtocol().equals("TCP")).map(port -> port.getPort().getIntVal())
                    .collect(Collectors.toSet());
            Set<Integer> expected = service.equals("notification-service")
                    ? Set.of(53, 9093, 27017, 443, 587) : Set.of(53, 9093, 27017, 443);

            assertThat(egress).allSatisfy(rule -> {
                assertThat(rule.getTo()).as("%s: every egress rule names its peers", service).isNotEmpty();
                assertThat(rule.getPorts()).as("%s: every egress rule names its ports", service).isNotEmpty()
                        .allSatisfy(port -> assertThat(port.getPort().getIntVal()).isNotNull());
            });
            assertThat(tcpPorts).as(service).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(egress).as("%s: DNS in kube-system", service).anySatisfy(rule -> {
                assertThat(rule.getTo()).extracting(this::namespace).containsOnly("kube-system");
                assertThat(rule.getPorts()).extracting(NetworkPolicyPort::getProtocol).contains("UDP", "TCP");
            });
            assertThat(egress).as("%s: Kafka brokers of the Strimzi cluster", service).anySatisfy(rule ->
                    assertThat(rule.getTo()).allSatisfy(peer -> assertThat(peer.getPodSelector().getMatchLabels())
                            .containsEntry("strimzi.io/cluster", "conference-ops")));
        }
    }

    private NetworkPolicy policyOf(Manifests manifests, Deployment deployment) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        List<NetworkPolicy> own = manifests.of(NetworkPolicy.class).stream()
                .filter(policy -> !policy.getSpec().getIngress().isEmpty())
                .filter(policy -> labels.entrySet().containsAll(
                        policy.getSpec().getPodSelector().getMatchLabels().entrySet()))
                .toList();
        assertThat(own).as(deployment.getMetadata().getName()).hasSize(1);
        return own.getFirst();
    }

    private String namespace(NetworkPolicyPeer peer) {
        assertThat(peer.getNamespaceSelector()).isNotNull();
        return peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
    }
}
