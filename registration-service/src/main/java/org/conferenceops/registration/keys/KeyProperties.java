package org.conferenceops.registration.keys;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys from configuration (in production: from a secret). All three are required unless
 * {@code generateLocalDefaults} is on (the local stack and tests turn it on): then a missing key is generated once and
 * stored in the {@code local_keys} collection, which is fine for development and demos only, since whoever reads the
 * database could then decrypt and sign. Without the keys and without that switch the service refuses to start.
 *
 * @param identityDocumentKey base64 of a 256-bit AES key that encrypts identity document numbers
 * @param badgeSigningKey     base64 of an Ed25519 private key in PKCS#8 form that signs badges
 * @param badgeVerifyingKey   base64 of the matching Ed25519 public key in X.509 form
 * @param generateLocalDefaults whether missing keys may be generated and kept in the database (development only)
 */
@ConfigurationProperties("registration.keys")
public record KeyProperties(@Nullable String identityDocumentKey, @Nullable String badgeSigningKey,
        @Nullable String badgeVerifyingKey, boolean generateLocalDefaults) {
}
