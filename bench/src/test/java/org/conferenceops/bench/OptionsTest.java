package org.conferenceops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsTest {

    @Test
    void readsValuesFlagsAndDurationsInSecondsOrIso() {
        Options options = Options.parse(List.of("--rate=300", "--duration=PT5M", "--settle=45", "--help"),
                Set.of("rate", "duration", "settle", "help"));

        assertThat(options.integer("rate", 1)).isEqualTo(300);
        assertThat(options.duration("duration", Duration.ZERO)).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.duration("settle", Duration.ZERO)).isEqualTo(Duration.ofSeconds(45));
        assertThat(options.flag("help")).isTrue();
        assertThat(options.integer("missing", 7)).isEqualTo(7);
    }

    @Test
    void refusesAnUnknownOptionNamingTheKnownOnes() {
        assertThatThrownBy(() -> Options.parse(List.of("--rat=3"), Set.of("rate")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rat").hasMessageContaining("rate");
    }

    @Test
    void takesAddressesFromStackJsonAndLetsOptionsOverrideThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stack.json");
        Files.writeString(file, """
                {
                  "pid" : 4242,
                  "kafkaBootstrapServers" : "127.0.0.1:19092",
                  "inboxUrl" : "http://127.0.0.1:8025",
                  "tokenUrl" : "http://127.0.0.1:8090/token",
                  "services" : {
                    "registration-service" : "http://127.0.0.1:8081",
                    "session-service" : "http://127.0.0.1:8082",
                    "pledge-service" : "http://127.0.0.1:8083",
                    "notification-service" : "http://127.0.0.1:8084"
                  }
                }""");

        StackEndpoints endpoints = Options.parse(List.of("--stack-file=" + file, "--pledge=http://10.0.0.5:9000"),
                Set.of("stack-file")).endpoints();

        assertThat(endpoints.registration()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(endpoints.pledge()).isEqualTo(URI.create("http://10.0.0.5:9000"));
        assertThat(endpoints.tokenUri()).isEqualTo(URI.create("http://127.0.0.1:8090/token"));
        assertThat(endpoints.inbox()).isEqualTo(URI.create("http://127.0.0.1:8025"));
        assertThat(endpoints.stackPid()).isEqualTo(4242L);
        assertThat(endpoints.services()).containsEntry("notification-service", URI.create("http://127.0.0.1:8084"));
    }

    @Test
    void explainsAMissingStackFile(@TempDir Path dir) {
        assertThatThrownBy(() -> StackEndpoints.fromStackJson(dir.resolve("stack.json")))
                .hasMessageContaining("is the local stack running");
    }
}
