package org.conferenceops.platform.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

class ServiceConfigurationPrecedenceTest {

    @SpringBootConfiguration
    @ConferenceOpsService("defaults-precedence-test")
    static class Service {
    }

    @Test
    void aServicesOwnFileOverridesThePlatformDefaultsAndArgumentsOverrideBoth() {
        try (ConfigurableApplicationContext context = run()) {
            Environment environment = context.getEnvironment();

            assertThat(environment.getProperty("spring.application.name")).isEqualTo("defaults-precedence-test");
            assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
                    .as("the service's own defaults-precedence-test.yml wins over the platform defaults")
                    .isEqualTo("health");
            assertThat(environment.getProperty("management.endpoint.health.probes.enabled"))
                    .as("a default the service does not override still applies").isEqualTo("true");
            assertThat(environment.getProperty("spring.mongodb.uri")).as("argument beats default")
                    .isEqualTo("mongodb://elsewhere:1");
        }
    }

    private static ConfigurableApplicationContext run() {
        return new SpringApplicationBuilder(Service.class).web(WebApplicationType.NONE)
                .run("--spring.mongodb.uri=mongodb://elsewhere:1");
    }
}
