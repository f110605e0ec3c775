package org.conferenceops.registration.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The service's keys: configured ones when given; otherwise, only with the development switch
 * {@code registration.keys.generate-local-defaults}, local defaults generated once and stored in MongoDB
 * (insert-if-absent, so concurrent first starts agree on one key). Without keys and without the switch the service
 * does not start. Key material is never logged.
 */
@Component
@EnableConfigurationProperties(KeyProperties.class)
public class ServiceKeys {

    private static final Logger log = LoggerFactory.getLogger(ServiceKeys.class);
    private static final Base64.Decoder B64 = Base64.getDecoder();
    private static final Base64.Encoder B64E = Base64.getEncoder();

    private final SecretKey identityDocumentKey;
    private final KeyPair badgeKeys;

    ServiceKeys(KeyProperties properties, MongoTemplate mongo, Clock clock) {
        requireConfiguredUnlessLocal(properties);
        try {
            String aes = properties.identityDocumentKey() != null && !properties.identityDocumentKey().isBlank()
                    ? properties.identityDocumentKey()
                    : local(mongo, clock, "identity-document-aes", () -> B64E.encodeToString(newAesKey()));
            this.identityDocumentKey = new SecretKeySpec(B64.decode(aes), "AES");
            String signing = properties.badgeSigningKey();
            String verifying = properties.badgeVerifyingKey();
            if (signing == null || signing.isBlank() || verifying == null || verifying.isBlank()) {
                String pair = local(mongo, clock, "badge-signing-ed25519", ServiceKeys::newEd25519Pair);
                String[] parts = pair.split(":");
                signing = parts[0];
                verifying = parts[1];
            }
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = ed25519.generatePrivate(new PKCS8EncodedKeySpec(B64.decode(signing)));
            PublicKey publicKey = ed25519.generatePublic(new X509EncodedKeySpec(B64.decode(verifying)));
            this.badgeKeys = new KeyPair(publicKey, privateKey);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("registration keys are not usable: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Production fails fast: every key configured, or the explicit development switch on. */
    private static void requireConfiguredUnlessLocal(KeyProperties properties) {
        if (properties.generateLocalDefaults()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (blank(properties.identityDocumentKey())) {
            missing.add("registration.keys.identity-document-key (IDENTITY_DOCUMENT_KEY)");
        }
        if (blank(properties.badgeSigningKey())) {
            missing.add("registration.keys.badge-signing-key (BADGE_SIGNING_KEY)");
        }
        if (blank(properties.badgeVerifyingKey())) {
            missing.add("registration.keys.badge-verifying-key (BADGE_VERIFYING_KEY)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("registration-service needs its keys from a secret and these are missing: "
                    + String.join(", ", missing) + ". In Kubernetes set services.registration.keysSecret to a Secret "
                    + "holding IDENTITY_DOCUMENT_KEY, BADGE_SIGNING_KEY and BADGE_VERIFYING_KEY (base64; ADR 013). "
                    + "For development only, registration.keys.generate-local-defaults=true "
                    + "(REGISTRATION_GENERATE_LOCAL_KEYS) generates them and keeps them in the database.");
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    /** The AES-256 key that encrypts identity document numbers. */
    public SecretKey identityDocumentKey() {
        return identityDocumentKey;
    }

    /** The Ed25519 key pair that signs and verifies badges. */
    public KeyPair badgeKeys() {
        return badgeKeys;
    }

    private static String local(MongoTemplate mongo, Clock clock, String id, Supplier<String> generate) {
        LocalKey existing = mongo.findById(id, LocalKey.class);
        if (existing == null) {
            log.warn("No configured key for {}: using a generated local default (fine for development only)", id);
            try {
                mongo.insert(new LocalKey(id, generate.get(), clock.instant()));
            }
            catch (DuplicateKeyException e) {
                // another instance generated it first; use theirs
            }
            existing = mongo.findById(id, LocalKey.class);
        }
        if (existing == null) {
            throw new IllegalStateException("local key " + id + " could not be stored");
        }
        return existing.material();
    }

    private static byte[] newAesKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey().getEncoded();
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newEd25519Pair() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return B64E.encodeToString(pair.getPrivate().getEncoded()) + ":"
                    + B64E.encodeToString(pair.getPublic().getEncoded());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
