package org.conferenceops.platform.security;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token checks beyond Boot's {@code spring.security.oauth2.resourceserver.jwt.*} (which gives the key source).
 *
 * @param issuer                  when set, the exact {@code iss} every token must carry; tokens are always checked
 *                                for their validity period
 * @param verifiedTokensRemembered how long a token whose signature and claims were verified is accepted again
 *                                without verifying its signature anew (never past its expiry); {@code 0} verifies
 *                                every request. A client sends the same token with every request until it expires,
 *                                and verifying an RSA signature was a twentieth of a request's CPU
 */
@ConfigurationProperties("conference-ops.security")
public record PlatformSecurityProperties(@Nullable String issuer,
        @DefaultValue("60s") Duration verifiedTokensRemembered) {
}
