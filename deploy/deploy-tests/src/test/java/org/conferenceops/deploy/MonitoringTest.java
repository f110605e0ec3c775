package org.conferenceops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Prometheus scrapes every service, the alerts that matter exist, and both dashboards are provisioned. */
class MonitoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @FieldSource("org.conferenceops.deploy.Chart#VALUES_FILES")
    void theServiceMonitorScrapesEveryServiceOnItsPrometheusEndpoint(String valuesFile) {
        Manifests manifests = Chart.rendered(valuesFile);
        ServiceMonitor monitor = manifests.of(ServiceMonitor.class).stream().findFirst().orElseThrow();

        assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.getPort()).isEqualTo("http");
            assertThat(endpoint.getPath()).isEqualTo("/actuator/prometheus");
        });
        assertThat(manifests.of(Service.class)).hasSize(4).allSatisfy(service ->
                assertThat(service.getMetadata().getLabels())
                        .containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels()));
    }

    @ParameterizedTest
    @FieldSource("org.conferenceops.deploy.Chart#VALUES_FILES")
    void alertsCoverOutboxAgeConsumerLagDeadLettersReadinessAndServerErrors(String valuesFile) {
        List<Rule> rules = Chart.rendered(valuesFile).of(PrometheusRule.class).stream()
                .flatMap(rule -> rule.getSpec().getGroups().stream()).flatMap(group -> group.getRules().stream())
                .toList();
        Map<String, String> expressions = rules.stream()
                .collect(Collectors.toMap(Rule::getAlert, rule -> rule.getExpr().getStrVal()));

        assertThat(expressions).hasEntrySatisfying("ConferenceOpsOutboxStuck",
                        expr -> assertThat(expr).contains("outbox_oldest_age_seconds"))
                .hasEntrySatisfying("ConferenceOpsConsumerLag",
                        expr -> assertThat(expr).contains("spring_cloud_stream_binder_kafka_offset"))
                .hasEntrySatisfying("ConferenceOpsDeadLettersGrowing", expr -> assertThat(expr).contains(".dlq"))
                .hasEntrySatisfying("ConferenceOpsNotReady",
                        expr -> assertThat(expr).contains("kube_deployment_status_replicas_ready"))
                .hasEntrySatisfying("ConferenceOpsServerErrors", expr -> assertThat(expr).contains("status=~\"5..\""))
                .hasEntrySatisfying("ConferenceOpsOutboxPublishFailures",
                        expr -> assertThat(expr).contains("outbox_publish_failures_total"));
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.getLabels()).containsKey("severity");
            assertThat(rule.getAnnotations()).containsKeys("summary", "description");
            assertThat(balanced(rule.getExpr().getStrVal())).as(rule.getAlert()).isTrue();
        });
    }

    @Test
    void bothDashboardsAreProvisionedForGrafanasSidecarAndQueryTheMetricsOpsNeed() throws Exception {
        List<ConfigMap> dashboards = Chart.rendered("values.yaml").of(ConfigMap.class).stream()
                .filter(map -> "1".equals(map.getMetadata().getLabels().get("grafana_dashboard"))).toList();
        List<String> expressions = new ArrayList<>();
        for (ConfigMap map : dashboards) {
            for (String json : map.getData().values()) {
                JsonNode dashboard = JSON.readTree(json);
                assertThat(dashboard.path("uid").asText()).isNotBlank();
                dashboard.path("panels").forEach(panel -> panel.path("targets")
                        .forEach(target -> expressions.add(target.path("expr").asText())));
            }
        }

        assertThat(dashboards).extracting(map -> map.getMetadata().getName())
                .containsExactlyInAnyOrder("conference-ops-dashboard-ops", "conference-ops-dashboard-organisers");
        assertThat(expressions).allSatisfy(expr -> assertThat(balanced(expr)).as(expr).isTrue());
        assertThat(String.join("\n", expressions)).contains("http_server_requests_seconds", "jvm_memory_used_bytes",
                "spring_cloud_stream_binder_kafka_offset", "outbox_backlog_events", "outbox_oldest_age_seconds",
                "outbox_publish_failures_total", ".dlq", "registration_delegates_registered_total",
                "registration_accreditation_pending", "registration_checkins_total", "session_seats_taken",
                "pledge_pledges", "pledge_capability_gap_units");
    }

    private static boolean balanced(String expression) {
        int depth = 0;
        for (char c : expression.toCharArray()) {
            depth += c == '(' || c == '{' || c == '[' ? 1 : c == ')' || c == '}' || c == ']' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
