package org.conferenceops.console.backend;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the console finds the services and how it behaves.
 *
 * @param registrationUrl registration-service's base URL
 * @param sessionUrl      session-service's base URL
 * @param pledgeUrl       pledge-service's base URL
 * @param notificationUrl notification-service's base URL
 * @param tokenIssuerUrl  the dev issuer's token endpoint ({@code POST /token}); when set the sign-in page offers a
 *                        role picker (local mode), otherwise only pasting a token
 * @param conference      the conference the organiser pages show
 * @param secureCookie    whether the token cookie is {@code Secure} (true behind HTTPS)
 */
@ConfigurationProperties("conference-ops.console")
public record ConsoleProperties(
        @DefaultValue("http://127.0.0.1:8081") URI registrationUrl,
        @DefaultValue("http://127.0.0.1:8082") URI sessionUrl,
        @DefaultValue("http://127.0.0.1:8083") URI pledgeUrl,
        @DefaultValue("http://127.0.0.1:8084") URI notificationUrl,
        @Nullable URI tokenIssuerUrl,
        @DefaultValue("seoul-2021") String conference,
        @DefaultValue("false") boolean secureCookie) {

    /** An empty issuer URL (an unset environment variable) means none. */
    public ConsoleProperties {
        if (tokenIssuerUrl != null && tokenIssuerUrl.toString().isBlank()) {
            tokenIssuerUrl = null;
        }
    }

    /** Whether the sign-in page may mint tokens from the dev issuer. */
    public boolean localMode() {
        return tokenIssuerUrl != null;
    }

    /** The base URL of a service. */
    public URI baseUrl(Service service) {
        return switch (service) {
            case REGISTRATION -> registrationUrl;
            case SESSION -> sessionUrl;
            case PLEDGE -> pledgeUrl;
            case NOTIFICATION -> notificationUrl;
        };
    }
}
