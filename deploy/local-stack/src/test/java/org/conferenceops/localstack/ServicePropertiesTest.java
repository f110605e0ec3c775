package org.conferenceops.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServicePropertiesTest {

    private final StackAddresses addresses = new StackAddresses("127.0.0.1:19092", "mongodb://127.0.0.1:27018",
            "127.0.0.1", 3025, URI.create("http://127.0.0.1:8025"), "http://127.0.0.1:8090",
            URI.create("http://127.0.0.1:8090/jwks"), URI.create("http://127.0.0.1:8090/token"));

    @Test
    void everyServiceGetsTheAgreedProperties() {
        ServiceSpec pledge = LocalStackSettings.parse(List.of(), Map.of(), Path.of("/r")).services().get(2);

        Map<String, String> properties = ServiceProperties.of(pledge, addresses, LocalStackSettings.Mode.PROCESSES);

        assertThat(properties)
                .containsEntry("server.port", "8083")
                .containsEntry("spring.kafka.bootstrap-servers", "127.0.0.1:19092")
                .containsEntry("spring.mongodb.uri", "mongodb://127.0.0.1:27018")
                .containsEntry("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "http://127.0.0.1:8090/jwks")
                .containsEntry("conference-ops.security.issuer", "http://127.0.0.1:8090")
                .containsEntry("spring.mail.host", "127.0.0.1")
                .containsEntry("spring.mail.port", "3025")
                .containsEntry("conference-ops.local-stack", "true")
                .containsEntry("conference-ops.demo-data", "true")
                .containsEntry("spring.main.banner-mode", "off")
                .containsEntry("server.tomcat.threads.max", "32")
                .containsEntry("server.tomcat.accept-count", "2048");
        assertThat(ServiceProperties.asArguments(properties)).contains("--server.port=8083");
    }

    @Test
    void passwordsInMongoUrisAreMaskedForDisplay() {
        assertThat(Summary.maskPassword("mongodb://ops:s3cret@db.internal:27017/x")).isEqualTo("mongodb://ops:****@db.internal:27017/x");
        assertThat(Summary.maskPassword("mongodb://127.0.0.1:27018")).isEqualTo("mongodb://127.0.0.1:27018");
    }
}
