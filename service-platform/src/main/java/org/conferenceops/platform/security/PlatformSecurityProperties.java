package org.conferenceops.platform.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token checks beyond Boot's {@code spring.security.oauth2.resourceserver.jwt.*} (which gives the key source).
 *
 * @param issuer when set, the exact {@code iss} every token must carry; tokens are always checked for their
 *               validity period
 */
@ConfigurationProperties("conference-ops.security")
public record PlatformSecurityProperties(@Nullable String issuer) {
}
