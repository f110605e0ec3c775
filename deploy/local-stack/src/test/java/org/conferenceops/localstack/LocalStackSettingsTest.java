package org.conferenceops.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.conferenceops.infra.Ports;
import org.conferenceops.localstack.LocalStackSettings.Mode;
import org.conferenceops.localstack.LocalStackSettings.PortClaim;
import org.junit.jupiter.api.Test;

class LocalStackSettingsTest {

    private static final Path WORK = Path.of("/work/repo");

    @Test
    void defaultsEmbedEverythingOnTheDocumentedPorts() {
        LocalStackSettings settings = parse(List.of(), Map.of());

        assertThat(settings.mode()).isEqualTo(Mode.IN_PROCESS);
        assertThat(settings.homeDir()).isEqualTo(WORK);
        assertThat(settings.dataDir()).isEqualTo(WORK.resolve(".conference-ops/data"));
        assertThat(settings.embeddedKafka()).isTrue();
        assertThat(settings.embeddedMongo()).isTrue();
        assertThat(settings.embeddedMail()).isTrue();
        assertThat(settings.embeddedIssuer()).isTrue();
        assertThat(settings.portClaims()).extracting(PortClaim::variable, PortClaim::port).containsExactly(
                tuple("KAFKA_PORT", 19092), tuple("KAFKA_CONTROLLER_PORT", 19093), tuple("MONGO_PORT", 27018),
                tuple("SMTP_PORT", 3025), tuple("MAIL_UI_PORT", 8025), tuple("ISSUER_PORT", 8090),
                tuple("REGISTRATION_PORT", 8081), tuple("SESSION_PORT", 8082), tuple("PLEDGE_PORT", 8083),
                tuple("NOTIFICATION_PORT", 8084), tuple("CONSOLE_PORT", 8080));
        assertThat(settings.services()).extracting(ServiceSpec::name).containsExactly(
                "registration-service", "session-service", "pledge-service", "notification-service", "console");
        assertThat(settings.services().getFirst().readinessUri())
                .hasToString("http://127.0.0.1:8081/actuator/health/readiness");
    }

    @Test
    void environmentMovesPortsAndDataDirectory() {
        LocalStackSettings settings = parse(List.of(), Map.of(
                "KAFKA_PORT", "29092",
                "PLEDGE_PORT", " 9083 ",
                "CONFERENCE_OPS_DATA", "tmp/data",
                "CONFERENCE_OPS_HOME", "/srv/conference-ops"));

        assertThat(settings.kafkaPort()).isEqualTo(29092);
        assertThat(settings.services().get(2).port()).isEqualTo(9083);
        assertThat(settings.dataDir()).isEqualTo(WORK.resolve("tmp/data"));
        assertThat(settings.homeDir()).isEqualTo(Path.of("/srv/conference-ops"));
    }

    @Test
    void separateProcessesComeFromTheFlagOrTheEnvironment() {
        assertThat(parse(List.of("--separate-processes"), Map.of()).mode()).isEqualTo(Mode.PROCESSES);
        assertThat(parse(List.of(), Map.of("CONFERENCE_OPS_MODE", "processes")).mode()).isEqualTo(Mode.PROCESSES);
        assertThat(parse(List.of("--data-dir=/d"), Map.of()).dataDir()).isEqualTo(Path.of("/d"));
    }

    @Test
    void externalComponentsAreNotStartedAndClaimNoPorts() {
        LocalStackSettings settings = parse(List.of(), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka.internal:9092",
                "MONGODB_URI", "mongodb://db.internal:27017",
                "SMTP_HOST", "smtp.internal",
                "SMTP_PORT", "25",
                "OIDC_JWKS_URI", "https://idp.example/jwks"));

        assertThat(settings.embeddedKafka()).isFalse();
        assertThat(settings.embeddedMongo()).isFalse();
        assertThat(settings.embeddedMail()).isFalse();
        assertThat(settings.embeddedIssuer()).isFalse();
        assertThat(settings.smtpPort()).isEqualTo(25);
        assertThat(settings.portClaims()).extracting(PortClaim::variable).containsExactly(
                "REGISTRATION_PORT", "SESSION_PORT", "PLEDGE_PORT", "NOTIFICATION_PORT", "CONSOLE_PORT");
    }

    @Test
    void badSettingsAreRefusedWithTheVariableToChange() {
        assertThatThrownBy(() -> parse(List.of(), Map.of("SMTP_HOST", "smtp.internal")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("SMTP_PORT");
        assertThatThrownBy(() -> parse(List.of(), Map.of("MONGO_PORT", "mongo")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("MONGO_PORT");
        assertThatThrownBy(() -> parse(List.of(), Map.of("ISSUER_PORT", "70000")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("ISSUER_PORT");
        assertThatThrownBy(() -> parse(List.of(), Map.of("MONGODB_URI", "localhost:27017")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("MONGODB_URI");
        assertThatThrownBy(() -> parse(List.of(), Map.of("CONFERENCE_OPS_MODE", "cloud")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("CONFERENCE_OPS_MODE");
        assertThatThrownBy(() -> parse(List.of("--turbo"), Map.of()))
                .isInstanceOf(SettingsException.class).hasMessageContaining("--turbo");
    }

    @Test
    void samePortForTwoComponentsIsRefused() {
        assertThatThrownBy(() -> parse(List.of(), Map.of("SESSION_PORT", "8081")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("REGISTRATION_PORT")
                .hasMessageContaining("SESSION_PORT");
    }

    @Test
    void portInUseIsReportedWithTheVariableToChange() throws IOException {
        Map<String, String> env = freePortsForEverything();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName(LocalStackSettings.HOST), 0));
            env.put("MONGO_PORT", Integer.toString(taken.getLocalPort()));
            LocalStackSettings settings = parse(List.of(), env);

            assertThatThrownBy(settings::checkPortsFree)
                    .isInstanceOf(SettingsException.class)
                    .hasMessage("port " + taken.getLocalPort() + " (MongoDB) is already in use on 127.0.0.1;"
                            + " set MONGO_PORT to a free port");
        }
    }

    @Test
    void freePortsPassTheCheck() {
        LocalStackSettings settings = parse(List.of(), freePortsForEverything());

        assertThatCode(settings::checkPortsFree).doesNotThrowAnyException();
    }

    @Test
    void everyServiceMainClassIsOnTheClasspath() {
        for (ServiceSpec service : parse(List.of(), Map.of()).services()) {
            assertThatCode(() -> Class.forName(service.mainClass(), false, getClass().getClassLoader()))
                    .as(service.name())
                    .doesNotThrowAnyException();
        }
    }

    private static Map<String, String> freePortsForEverything() {
        Map<String, String> env = new HashMap<>();
        for (PortClaim claim : parse(List.of(), Map.of()).portClaims()) {
            int port;
            do {
                port = Ports.resolve(LocalStackSettings.HOST, 0);
            }
            while (env.containsValue(Integer.toString(port)));
            env.put(claim.variable(), Integer.toString(port));
        }
        return env;
    }

    private static LocalStackSettings parse(List<String> args, Map<String, String> env) {
        return LocalStackSettings.parse(args, env, WORK);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
