package org.conferenceops.deploy;

import java.util.List;
import java.util.Map;

/**
 * The part of KEDA's {@code keda.sh/v1alpha1} API the chart uses, as strict records (there is no published Java
 * model): a field the chart writes that is not here, or of another type, fails like an unknown field would.
 * Field names and types follow KEDA's ScaledObject and TriggerAuthentication CRDs (KEDA 2.x).
 */
final class Keda {

    static final String API_VERSION = "keda.sh/v1alpha1";

    private Keda() {
    }

    record Metadata(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
    }

    record ScaledObject(String apiVersion, String kind, Metadata metadata, ScaledObjectSpec spec) {
    }

    record ScaledObjectSpec(ScaleTarget scaleTargetRef, Integer pollingInterval, Integer cooldownPeriod,
            Integer idleReplicaCount, Integer minReplicaCount, Integer maxReplicaCount, List<Trigger> triggers) {
    }

    record ScaleTarget(String apiVersion, String kind, String name, String envSourceContainerName) {
    }

    record Trigger(String type, String name, String metricType, Boolean useCachedMetrics,
            Map<String, String> metadata, AuthenticationRef authenticationRef) {
    }

    record AuthenticationRef(String name, String kind) {
    }

    record TriggerAuthentication(String apiVersion, String kind, Metadata metadata, TriggerAuthenticationSpec spec) {
    }

    record TriggerAuthenticationSpec(List<SecretTarget> secretTargetRef, List<EnvTarget> env) {
    }

    record SecretTarget(String parameter, String name, String key) {
    }

    record EnvTarget(String parameter, String name, String containerName) {
    }
}
