package org.conferenceops.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The platform's web defaults, resolved as a service's environment would resolve them. */
class WebDefaultsTest {

    @Test
    void switchesConsoleLogsToEcsJsonWhenLogFormatIsJson() throws IOException {
        assertThat(environment(Map.of("LOG_FORMAT", "json")).getProperty("logging.structured.format.console"))
                .isEqualTo("ecs");
    }

    @Test
    void keepsThePatternConsoleLogWhenLogFormatIsUnsetOrUnknown() throws IOException {
        assertThat(environment(Map.of()).getProperty("logging.structured.format.console")).isEmpty();
        assertThat(environment(Map.of("LOG_FORMAT", "yaml")).getProperty("logging.structured.format.console"))
                .isEmpty();
    }

    @Test
    void keepsKafkaOutOfReadinessAndUsesThePingBasedMongoIndicator() throws IOException {
        StandardEnvironment environment = environment(Map.of());

        assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
                .isEqualTo("readinessState,mongo");
        assertThat(environment.getProperty("management.endpoint.health.group.liveness.include"))
                .isEqualTo("livenessState");
        assertThat(environment.getProperty("management.health.mongodb.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("management.endpoint.health.roles")).isEqualTo("OPS");
    }

    @Test
    void tagsMetricsAndLogLinesWithTheApplicationName() throws IOException {
        StandardEnvironment environment = environment(Map.of("spring.application.name", "pledge-service"));

        assertThat(environment.getProperty("management.metrics.tags.application")).isEqualTo("pledge-service");
        assertThat(environment.getProperty("logging.pattern.correlation"))
                .isEqualTo("[%X{application:-pledge-service},%X{correlationId:-},%X{traceId:-}] ");
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
    }

    private static StandardEnvironment environment(Map<String, Object> overrides) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
        for (var source : new YamlPropertySourceLoader().load("web-defaults",
                new ClassPathResource("conference-ops-web-defaults.yml"))) {
            environment.getPropertySources().addLast(source);
        }
        return environment;
    }
}
