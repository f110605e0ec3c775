package org.conferenceops.localstack;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Where the infrastructure ended up, embedded or external: what the services are pointed at, what the summary
 * prints and what {@code stack.json} records.
 *
 * @param kafkaBootstrapServers {@code spring.kafka.bootstrap-servers}
 * @param mongoUri {@code spring.mongodb.uri}, without a database name
 * @param smtpHost {@code spring.mail.host}
 * @param smtpPort {@code spring.mail.port}
 * @param inboxUri the embedded inbox, or null with an external SMTP server
 * @param issuer the token issuer's {@code iss}, or null if an external issuer's is unknown
 * @param jwksUri {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}
 * @param tokenUri the dev issuer's token endpoint, or null with an external issuer
 */
record StackAddresses(
        String kafkaBootstrapServers,
        String mongoUri,
        String smtpHost,
        int smtpPort,
        @Nullable URI inboxUri,
        @Nullable String issuer,
        URI jwksUri,
        @Nullable URI tokenUri) {
}
