package org.conferenceops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Topics, dead-letter topics and Kafka permissions follow the flow table; autoscaling never outgrows partitions. */
class KafkaPolicyTest {

    @ParameterizedTest
    @FieldSource("org.conferenceops.deploy.Chart#VALUES_FILES")
    void everyEventTopicExistsWithDurableSettings(String valuesFile) {
        Map<String, KafkaTopic> topics = topics(valuesFile);

        for (String topic : FlowTable.PRODUCES.values()) {
            assertThat(topics).containsKey(topic);
        }
        assertThat(topics.values()).allSatisfy(topic -> {
            Map<String, Object> config = topic.getSpec().getConfig();
            int replicas = topic.getSpec().getReplicas();
            int minInSync = ((Number) config.get("min.insync.replicas")).intValue();
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "conference-ops");
            assertThat(topic.getSpec().getPartitions()).isPositive();
            assertThat(config).containsKeys("retention.ms", "min.insync.replicas");
            assertThat(((Number) config.get("retention.ms")).longValue()).isPositive();
            assertThat(minInSync).isBetween(1, replicas);
            if (replicas > 1) {
                assertThat(minInSync).as("%s: a replica may fail without stopping producers (acks=all)",
                        topic.getSpec().getTopicName()).isLessThan(replicas);
            }
        });
    }

    @ParameterizedTest
    @FieldSource("org.conferenceops.deploy.Chart#VALUES_FILES")
    void everyTopicHasADeadLetterTopicForEachGroupConsumingItAndNoOtherTopic(String valuesFile) {
        Map<String, KafkaTopic> topics = topics(valuesFile);
        Set<String> expected = new HashSet<>(FlowTable.PRODUCES.values());

        FlowTable.CONSUMES.forEach((group, consumed) -> {
            for (String topic : consumed) {
                assertThat(topics).as("%s consumed by %s needs %s", topic, group, FlowTable.deadLetterTopic(group))
                        .containsKey(FlowTable.deadLetterTopic(group));
                expected.add(FlowTable.deadLetterTopic(group));
            }
        });
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @FieldSource("org.conferenceops.deploy.Chart#VALUES_FILES")
    void everyServiceMayDoExactlyWhatTheFlowTableSaysOnKafka(String valuesFile) {
        Manifests manifests = Chart.rendered(valuesFile);

        assertThat(manifests.of(KafkaUser.class)).extracting(user -> user.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(FlowTable.PRODUCES.keySet());
        for (KafkaUser user : manifests.of(KafkaUser.class)) {
            String service = user.getMetadata().getName();
            assertThat(user.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
            assertThat(user.getSpec().getAuthorization()).isInstanceOf(KafkaUserAuthorizationSimple.class);
            List<AclRule> acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();

            assertThat(permissions(acls)).as(service).containsExactlyInAnyOrderElementsOf(FlowTable.permissions(service));
            assertThat(acls).allSatisfy(rule -> {
                assertThat(rule.getType()).isIn(null, AclRuleType.ALLOW);
                assertThat(rule.getHost()).isIn(null, "*");
            });
        }
    }

    @ParameterizedTest
    @FieldSource("org.conferenceops.deploy.Chart#VALUES_FILES")
    void autoscalingNeverGoesAbovePartitionsOfTheConsumedTopics(String valuesFile) {
        Manifests manifests = Chart.rendered(valuesFile);
        Map<String, KafkaTopic> topics = topics(valuesFile);

        for (Deployment deployment : manifests.of(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            int partitions = FlowTable.CONSUMES.get(service).stream()
                    .mapToInt(topic -> topics.get(topic).getSpec().getPartitions()).min().orElse(Integer.MAX_VALUE);
            Integer max = maxReplicas(manifests, service);
            if (max == null) {
                assertThat(deployment.getSpec().getReplicas()).as(service).isNotNull().isLessThanOrEqualTo(partitions);
            } else {
                assertThat(deployment.getSpec().getReplicas()).as("%s: replicas left to the autoscaler", service).isNull();
                assertThat(max).as(service).isLessThanOrEqualTo(partitions);
            }
        }
        for (Keda.ScaledObject scaled : manifests.of(Keda.ScaledObject.class)) {
            String service = scaled.metadata().name();
            assertThat(scaled.spec().triggers()).extracting(trigger -> trigger.metadata().get("topic"))
                    .containsExactlyInAnyOrderElementsOf(FlowTable.CONSUMES.get(service));
            assertThat(scaled.spec().triggers()).allSatisfy(trigger -> {
                assertThat(trigger.type()).isEqualTo("kafka");
                assertThat(trigger.metadata()).containsEntry("consumerGroup", service)
                        .containsKeys("bootstrapServers", "lagThreshold");
            });
            assertThat(scaled.spec().minReplicaCount()).isLessThanOrEqualTo(scaled.spec().maxReplicaCount());
        }
    }

    @Test
    void aMaxReplicasAboveThePartitionCountIsRefused() {
        assertThatThrownBy(() -> Chart.template(Chart.directory(), "values.yaml",
                Map.of("services.notification.autoscaling.maxReplicas", 7)))
                .hasMessageContaining("partitions");
    }

    private static Integer maxReplicas(Manifests manifests, String service) {
        var hpa = manifests.named(HorizontalPodAutoscaler.class, service);
        var keda = manifests.scaledObject(service);
        assertThat(hpa.isPresent() && keda.isPresent()).as("%s: one autoscaler at most", service).isFalse();
        return hpa.map(h -> h.getSpec().getMaxReplicas())
                .orElseGet(() -> keda.map(k -> k.spec().maxReplicaCount()).orElse(null));
    }

    private static Map<String, KafkaTopic> topics(String valuesFile) {
        return Chart.rendered(valuesFile).of(KafkaTopic.class).stream()
                .collect(Collectors.toMap(topic -> topic.getSpec().getTopicName(), topic -> topic));
    }

    private static Set<FlowTable.Permission> permissions(List<AclRule> acls) {
        Set<FlowTable.Permission> all = new HashSet<>();
        for (AclRule rule : acls) {
            String type;
            String name;
            AclResourcePatternType pattern;
            if (rule.getResource() instanceof AclRuleTopicResource topic) {
                type = "topic";
                name = topic.getName();
                pattern = topic.getPatternType();
            } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                type = "group";
                name = group.getName();
                pattern = group.getPatternType();
            } else {
                throw new AssertionError("Unexpected ACL resource " + rule.getResource());
            }
            assertThat(pattern).as("%s %s: literal names only, no prefixes or wildcards", type, name)
                    .isEqualTo(AclResourcePatternType.LITERAL);
            assertThat(name).doesNotContain("*");
            rule.getOperations().forEach(operation ->
                    all.add(new FlowTable.Permission(type, name, operation.toValue())));
        }
        return all;
    }
}
