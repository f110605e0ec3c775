package org.conferenceops.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short version of {@code ./conference-ops chaos} in {@code ./mvnw verify}: Kafka, MongoDB, SMTP + issuer,
 * registration-service and notification-service each as a child process on free ports; the broker killed and
 * restarted under load, poison among good records, and one idempotency key sent twice at once. Each scenario must
 * pass every invariant the full suite checks.
 */
class ChaosSuiteIT {

    static {
        // the suite's Kafka clients log every refused connection while the broker is down
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
    }

    private static ChaosStack stack;
    private static StackProbe probe;
    private static Scenarios scenarios;

    @BeforeAll
    static void startTheStackAsSeparateProcesses(@TempDir Path data) throws IOException {
        Path home = Path.of("").toAbsolutePath().getParent();
        Map<String, Integer> services = new LinkedHashMap<>();
        services.put("registration-service", freePort());
        services.put("notification-service", freePort());
        stack = ChaosStack.start(new ChaosStack.Settings(home, data, freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort(), services), System.out::println);
        probe = new StackProbe(stack.kafkaBootstrapServers(), stack.inbox(), stack.endpoints().tokenUri());
        scenarios = new Scenarios(stack, probe, Scenarios.Sizes.ci(),
                home.resolve("common-events/src/test/resources/fixtures"), System.out::println);
    }

    @AfterAll
    static void stopEverything() {
        if (probe != null) {
            probe.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aBrokerKilledAndRestartedUnderLoadLosesNothingReordersNothingAndSendsNothingTwice() {
        assertPassed(scenarios.run("kafka-kill"));
    }

    @Test
    void poisonRecordsAreDeadLetteredWithTheirReasonWhileGoodAndNewerEventsAreProcessed() {
        assertPassed(scenarios.run("poison"));
    }

    @Test
    void aRequestSentTwiceAtOnceWithOneIdempotencyKeyMakesOneResource() {
        assertPassed(scenarios.run("idempotency"));
    }

    private static void assertPassed(ScenarioResult result) {
        String verdicts = result.verdicts().stream()
                .map(v -> (v.passed() ? "PASS " : "FAIL ") + v.invariant() + " — " + v.detail())
                .collect(Collectors.joining("\n"));
        assertThat(result.error()).as(verdicts).isNull();
        assertThat(result.verdicts()).as(verdicts).isNotEmpty().allMatch(ScenarioResult.Verdict::passed);
        assertThat(result.verdicts()).extracting(ScenarioResult.Verdict::invariant).as("the invariants checked")
                .isNotEmpty().doesNotContainNull();
        assertThat(List.of(result.passed())).containsExactly(true);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
