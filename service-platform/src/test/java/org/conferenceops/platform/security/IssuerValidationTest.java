package org.conferenceops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** Boot builds the decoder from its properties; the platform adds the issuer check to it. */
class IssuerValidationTest {

    @TempDir
    private Path keys;

    @Test
    void acceptsOnlyTokensOfTheConfiguredIssuer() throws IOException {
        runner().withPropertyValues("conference-ops.security.issuer=" + TestTokens.ISSUER).run(context -> {
            JwtDecoder decoder = context.getBean(JwtDecoder.class);

            assertThat(decoder.decode(TestTokens.token("o-1", TestTokens.ISSUER, Duration.ofMinutes(5))).getSubject())
                    .isEqualTo("o-1");
            assertThatThrownBy(() -> decoder.decode(TestTokens.token("o-1", "https://evil.test", Duration.ofMinutes(5))))
                    .isInstanceOf(JwtValidationException.class).hasMessageContaining("iss");
            assertThatThrownBy(() -> decoder.decode(TestTokens.token("o-1", TestTokens.ISSUER, Duration.ofMinutes(-1))))
                    .isInstanceOf(JwtValidationException.class);
            // Boot's decoder, wrapped so that a verified token is not verified again on each request; a token of
            // another issuer was refused by it above, and a refused token is refused again
            assertThat(decoder).isInstanceOf(RememberingJwtDecoder.class);
            String evil = TestTokens.token("o-1", "https://evil.test", Duration.ofMinutes(5));
            assertThatThrownBy(() -> decoder.decode(evil)).isInstanceOf(JwtValidationException.class);
            assertThatThrownBy(() -> decoder.decode(evil)).isInstanceOf(JwtValidationException.class);
        });
    }

    @Test
    void everyTokenIsVerifiedWhenRememberingIsSwitchedOff() throws IOException {
        runner().withPropertyValues("conference-ops.security.verified-tokens-remembered=0").run(context ->
                assertThat(context.getBean(JwtDecoder.class)).isNotInstanceOf(RememberingJwtDecoder.class));
    }

    @Test
    void acceptsAnyIssuerWhenNoneIsConfigured() throws IOException {
        runner().run(context -> assertThat(context.getBean(JwtDecoder.class)
                .decode(TestTokens.token("o-1", "https://other.test", Duration.ofMinutes(5))).getSubject())
                .isEqualTo("o-1"));
    }

    private WebApplicationContextRunner runner() throws IOException {
        Path publicKey = Files.writeString(keys.resolve("public.pem"), TestTokens.publicKeyPem());
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PlatformSecurityAutoConfiguration.class,
                        OAuth2ResourceServerAutoConfiguration.class, WebMvcAutoConfiguration.class,
                        DispatcherServletAutoConfiguration.class))
                .withPropertyValues("spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey);
    }
}
