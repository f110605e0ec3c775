package org.conferenceops.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.conferenceops.platform.boot.ConferenceOpsService;
import org.conferenceops.platform.correlation.Correlation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** Boots a bare service so that Boot's logging system applies the platform's defaults for real. */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTest {

    @ConferenceOpsService("logging-test-service")
    @Configuration(proxyBeanMethods = false)
    static class LoggingTestService {
    }

    @Test
    void writesEcsJsonLinesWithTheCorrelationIdWhenLogFormatIsJson(CapturedOutput output) {
        logOneLine("--LOG_FORMAT=json");

        assertThat(output.getOut()).containsPattern("\\{\"@timestamp\":\"[^\"]+\".*\"message\":\"probe line\"")
                .contains("\"correlationId\":\"c-json\"")
                .contains("\"service\":{\"name\":\"logging-test-service\"");
    }

    @Test
    void writesPatternLinesWithApplicationAndCorrelationIdByDefault(CapturedOutput output) {
        logOneLine();

        assertThat(output.getOut()).contains("[logging-test-service,c-json,] ").contains("probe line")
                .doesNotContain("\"@timestamp\"");
    }

    private static void logOneLine(String... args) {
        // contexts cached by other test classes keep logging initialised, and Boot would not configure it again
        LoggingSystem.get(StructuredLoggingTest.class.getClassLoader()).cleanUp();
        SpringApplication application = new SpringApplication(LoggingTestService.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run(args);
                Correlation.Scope scope = Correlation.open("c-json", null)) {
            LoggerFactory.getLogger(StructuredLoggingTest.class).info("probe line");
        }
    }
}
