package org.conferenceops.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A JWT decoder that remembers, for a short while, the tokens its delegate verified: a client sends the same bearer
 * token with every request until it expires, and the delegate checked the RSA signature of each one again. A token
 * is remembered for at most {@code remembered} and never past its own expiry ({@code exp}); after that the delegate
 * decides again, with its own validators. Only tokens the delegate accepted are remembered, by their exact text,
 * so no token is accepted that the delegate did not accept within that period; what the period does allow is a
 * token signed with a key withdrawn from the key set to keep working until it ends. At most {@link #CAPACITY}
 * tokens are remembered; beyond that the oldest memory is dropped wholesale (they are verified again).
 */
final class RememberingJwtDecoder implements JwtDecoder {

    /** The most tokens remembered at once. */
    static final int CAPACITY = 10_000;

    private final JwtDecoder delegate;
    private final Duration remembered;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    RememberingJwtDecoder(JwtDecoder delegate, Duration remembered, Clock clock) {
        this.delegate = delegate;
        this.remembered = remembered;
        this.clock = clock;
    }

    private record Verified(Jwt jwt, Instant until) {
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null) {
            if (now.isBefore(known.until())) {
                return known.jwt();
            }
            verified.remove(token, known);
        }
        Jwt jwt = delegate.decode(token);
        Instant until = now.plus(remembered);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (now.isBefore(until)) {
            if (verified.size() >= CAPACITY) {
                verified.clear();
            }
            verified.put(token, new Verified(jwt, until));
        }
        return jwt;
    }

    /** The decoder itself, for what it was given: tests, diagnostics. */
    JwtDecoder delegate() {
        return delegate;
    }
}
