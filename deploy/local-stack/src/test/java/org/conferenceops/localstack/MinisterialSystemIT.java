package org.conferenceops.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.conferenceops.bench.StackEndpoints;
import org.conferenceops.bench.simulation.MinisterialSimulation;
import org.conferenceops.bench.simulation.SimulationReport;
import org.conferenceops.bench.simulation.SimulationSettings;
import org.conferenceops.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system test: a small ministerial, played by the same simulator as {@code ./conference-ops simulate}, through
 * all four services as the local stack runs them (sibling contexts in one JVM) and real Kafka, MongoDB and SMTP.
 * Afterwards every service's state must agree with what was done: registrations, accreditation, seats and the
 * plenary rush, check-ins, pledges and the gap, notifications per kind, channel and language, and the inbox.
 */
class MinisterialSystemIT {

    private static final List<InProcessService> running = new ArrayList<>();
    private static final Map<String, URI> baseUris = new HashMap<>();

    @BeforeAll
    static void startServices(@TempDir Path data) throws IOException {
        TestInfrastructure infra = TestInfrastructure.get();
        Map<String, String> env = FreePorts.forVariables(List.of("REGISTRATION_PORT", "SESSION_PORT", "PLEDGE_PORT",
                "NOTIFICATION_PORT"));
        LocalStackSettings settings = LocalStackSettings.parse(List.of("--data-dir=" + data), env, data);
        StackAddresses addresses = new StackAddresses(infra.kafkaBootstrapServers(), infra.mongoUri(),
                infra.mail().smtpHost(), infra.mail().smtpPort(), infra.mail().inboxUri(), infra.issuer().issuer(),
                infra.issuer().jwksUri(), infra.issuer().tokenUri());
        // the four domain services the simulator drives (not the console, which it does not use)
        for (ServiceSpec service : settings.services().stream().filter(s -> s.name().endsWith("-service")).toList()) {
            Map<String, String> properties = new HashMap<>(
                    ServiceProperties.of(service, addresses, LocalStackSettings.Mode.IN_PROCESS));
            properties.put("spring.mongodb.database", "system-" + service.name());
            running.add(InProcessService.start(service, properties));
            baseUris.put(service.name(), service.baseUri());
        }
    }

    @AfterAll
    static void stopServices() {
        running.reversed().forEach(InProcessService::close);
    }

    @Test
    void aSmallMinisterialLeavesEveryServiceInAgreementWithWhatWasDone() {
        TestInfrastructure infra = TestInfrastructure.get();
        StackEndpoints stack = new StackEndpoints(baseUris.get("registration-service"),
                baseUris.get("session-service"), baseUris.get("pledge-service"), baseUris.get("notification-service"),
                infra.issuer().tokenUri(), infra.mail().inboxUri(), infra.kafkaBootstrapServers(), null);
        SimulationSettings settings = new SimulationSettings(SimulationSettings.newConferenceId(), 4, 5, 8,
                Duration.ofSeconds(40));

        SimulationReport report = new MinisterialSimulation(stack, settings, line -> { }).run();

        assertThat(report.failures()).as(report.render()).isEmpty();
        assertThat(report.checks()).as("the cross-check covers every service").extracting(SimulationReport.Check::area)
                .contains("registration", "seats", "check-in", "sessions", "pledges", "gap", "notifications", "inbox");
        assertThat(report.done()).containsEntry("delegates registered", 20L).containsEntry("pledges announced", 3L);
    }
}
