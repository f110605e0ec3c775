package org.conferenceops.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Signs test JWTs with an RSA key made for the test run, and decodes them as a service would. */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.conference-ops.test";

    private static final KeyPair KEYS = rsaKeyPair();
    private static final KeyPair FOREIGN_KEYS = rsaKeyPair();

    private TestTokens() {
    }

    /** A bearer header value for a token with the given subject, roles and further claims. */
    public static String bearer(String subject, List<String> roles, Map<String, Object> claims) {
        return "Bearer " + sign(KEYS, claims(subject, roles, claims, ISSUER, Duration.ofMinutes(5)));
    }

    /** A bearer header value for a token with the given subject and roles. */
    public static String bearer(String subject, String... roles) {
        return bearer(subject, List.of(roles), Map.of());
    }

    /** A well-formed token signed by a key the service does not trust. */
    public static String foreignBearer(String subject, String... roles) {
        return "Bearer " + sign(FOREIGN_KEYS, claims(subject, List.of(roles), Map.of(), ISSUER, Duration.ofMinutes(5)));
    }

    /** A token signed by the trusted key, with the given issuer and lifetime (negative: already expired). */
    public static String token(String subject, String issuer, Duration lifetime) {
        return sign(KEYS, claims(subject, List.of("ORGANIZER"), Map.of(), issuer, lifetime));
    }

    public static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEYS.getPublic();
    }

    /** The trusted public key as PEM, for Boot's {@code public-key-location}. */
    public static String publicKeyPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(publicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    /** A decoder that trusts the test key and checks the validity period, like a service's. */
    public static JwtDecoder decoder() {
        return NimbusJwtDecoder.withPublicKey(publicKey()).build();
    }

    private static JWTClaimsSet claims(String subject, List<String> roles, Map<String, Object> claims, String issuer,
            Duration lifetime) {
        Instant now = Instant.now();
        Instant issuedAt = lifetime.isNegative() ? now.plus(lifetime).minus(Duration.ofMinutes(10)) : now;
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(lifetime.isNegative() ? now.plus(lifetime).minus(Duration.ofMinutes(5))
                        : now.plus(lifetime)))
                .claim(CurrentUser.ROLES_CLAIM, roles);
        claims.forEach(builder::claim);
        return builder.build();
    }

    private static String sign(KeyPair keys, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Supplies the test decoder in place of one built from a JWK set URI. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class DecoderConfiguration {

        @Bean
        JwtDecoder jwtDecoder() {
            return decoder();
        }
    }
}
