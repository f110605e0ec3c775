package org.conferenceops.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The documents of one render, each read into its typed model (see {@link StrictModel}). */
final class Manifests {

    /** Every kind the chart may render, with its model; a kind missing here fails the render test. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("Deployment", Deployment.class),
            Map.entry("Service", Service.class),
            Map.entry("ServiceAccount", ServiceAccount.class),
            Map.entry("ConfigMap", ConfigMap.class),
            Map.entry("PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("NetworkPolicy", NetworkPolicy.class),
            Map.entry("ServiceMonitor", ServiceMonitor.class),
            Map.entry("PrometheusRule", PrometheusRule.class),
            Map.entry("KafkaTopic", KafkaTopic.class),
            Map.entry("KafkaUser", KafkaUser.class),
            Map.entry("ScaledObject", Keda.ScaledObject.class),
            Map.entry("TriggerAuthentication", Keda.TriggerAuthentication.class));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final List<Object> resources;

    private Manifests(List<Object> resources) {
        this.resources = resources;
    }

    static Manifests parse(String rendered) {
        List<Object> resources = new ArrayList<>();
        try (var parser = YAML.createParser(rendered)) {
            for (JsonNode document : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                resources.add(typed(document));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(resources);
    }

    /** One document read into the model of its kind, with its apiVersion checked against the model's. */
    static Object typed(JsonNode document) {
        String kind = document.path("kind").asText();
        Class<?> model = MODELS.get(kind);
        if (model == null) {
            throw new IllegalArgumentException("No typed model for kind '" + kind + "'");
        }
        String apiVersion = document.path("apiVersion").asText();
        String expected = model.getEnclosingClass() == Keda.class ? Keda.API_VERSION
                : HasMetadata.getApiVersion(model.asSubclass(HasMetadata.class));
        if (!apiVersion.equals(expected)) {
            throw new IllegalArgumentException(kind + " has apiVersion " + apiVersion + ", expected " + expected);
        }
        return StrictModel.read(document, model);
    }

    List<Object> all() {
        return resources;
    }

    <T> List<T> of(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return of(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    Optional<Keda.ScaledObject> scaledObject(String name) {
        return of(Keda.ScaledObject.class).stream().filter(s -> s.metadata().name().equals(name)).findFirst();
    }
}
