package org.conferenceops.infra.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;

/**
 * Signs Conference Ops access tokens (RS256 JWTs) with one RSA key, without any HTTP. The claims are {@code iss},
 * {@code sub}, {@code iat}, {@code exp}, {@code roles} (array of {@link Role} names), and {@code delegation_id}
 * and {@code delegate_id} when the request has them; the header names the key ({@code kid}).
 */
public final class TokenMinter {

    /** The lifetime of a token whose request gives none. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(8);

    private final RSAKey signingKey;
    private final String issuer;
    private final Clock clock;
    private final RSASSASigner signer;

    /**
     * @param signingKey a private RSA JWK with a key id
     * @param issuer the {@code iss} claim, e.g. {@code http://127.0.0.1:8090}
     * @param clock the source of {@code iat}
     */
    public TokenMinter(RSAKey signingKey, String issuer, Clock clock) {
        if (!signingKey.isPrivate() || signingKey.getKeyID() == null) {
            throw new IllegalArgumentException("the signing key must be a private RSA JWK with a key id");
        }
        this.signingKey = signingKey;
        this.issuer = Objects.requireNonNull(issuer);
        this.clock = Objects.requireNonNull(clock);
        try {
            this.signer = new RSASSASigner(signingKey);
        }
        catch (JOSEException e) {
            throw new IllegalArgumentException("unusable signing key: " + e.getMessage(), e);
        }
    }

    /** A signed, serialised JWT for {@code request}. */
    public String mint(TokenRequest request) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Duration ttl = request.ttl() != null ? request.ttl() : DEFAULT_TTL;
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(request.effectiveSubject())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(ttl)))
                .claim("roles", request.roles().stream().map(Role::name).toList());
        if (request.delegationId() != null) {
            claims.claim("delegation_id", request.delegationId());
        }
        if (request.delegateId() != null) {
            claims.claim("delegate_id", request.delegateId());
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(signingKey.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(signer);
        }
        catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /** The {@code iss} claim this minter writes. */
    public String issuer() {
        return issuer;
    }

    /** The public half of the signing key, as a JWK set. */
    public JWKSet publicJwkSet() {
        return new JWKSet(signingKey.toPublicJWK());
    }
}
