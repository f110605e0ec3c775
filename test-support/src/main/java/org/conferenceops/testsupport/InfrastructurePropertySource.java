package org.conferenceops.testsupport;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.PropertySource;

/**
 * Answers the connection properties of every service from {@link TestInfrastructure}, starting a component only
 * when a context actually asks for it (a web-slice test never starts a broker).
 */
final class InfrastructurePropertySource extends PropertySource<TestInfrastructure> {

    static final String NAME = "conferenceOpsTestInfrastructure";

    InfrastructurePropertySource() {
        super(NAME, TestInfrastructure.get());
    }

    @Override
    public @Nullable Object getProperty(String name) {
        TestInfrastructure infra = getSource();
        return switch (name) {
            case "spring.kafka.bootstrap-servers", "spring.cloud.stream.kafka.binder.brokers" ->
                    infra.kafkaBootstrapServers();
            case "spring.mongodb.uri" -> infra.mongoUri();
            case "spring.mail.host" -> infra.mail().smtpHost();
            case "spring.mail.port" -> String.valueOf(infra.mail().smtpPort());
            case "spring.security.oauth2.resourceserver.jwt.jwk-set-uri" -> infra.issuer().jwksUri().toString();
            case "conference-ops.security.issuer" -> infra.issuer().issuer();
            default -> null;
        };
    }
}
