package org.conferenceops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A verified token is accepted again without its signature checked anew, for a while and never past its expiry. */
class RememberingJwtDecoderTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final List<String> verified = new ArrayList<>();

    /** Stands in for the signature check: counts what it is asked, accepts "good-…" tokens, expiring as told. */
    private final JwtDecoder checking = token -> {
        verified.add(token);
        if (!token.startsWith("good-")) {
            throw new BadJwtException("signature does not verify");
        }
        Instant expires = token.endsWith("-short") ? clock.instant().plusSeconds(10) : clock.instant().plusSeconds(3600);
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("ops").issuedAt(clock.instant())
                .expiresAt(expires).build();
    };

    private final RememberingJwtDecoder decoder = new RememberingJwtDecoder(checking, Duration.ofSeconds(60), clock);

    @Test
    void aTokenSentWithEveryRequestIsVerifiedOncePerPeriod() {
        for (int request = 0; request < 5; request++) {
            assertThat(decoder.decode("good-a").getSubject()).isEqualTo("ops");
        }
        assertThat(verified).containsExactly("good-a");

        clock.advance(Duration.ofSeconds(61));
        decoder.decode("good-a");
        assertThat(verified).containsExactly("good-a", "good-a");
    }

    @Test
    void aTokenIsNeverTakenFromMemoryPastItsOwnExpiry() {
        decoder.decode("good-b-short");
        decoder.decode("good-b-short");
        assertThat(verified).hasSize(1);

        clock.advance(Duration.ofSeconds(11));
        decoder.decode("good-b-short");
        assertThat(verified).as("verified again once expired: the delegate decides").hasSize(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverRemembered() {
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verified).containsExactly("forged", "forged");
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
