package org.conferenceops.registration.badges;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;
import org.conferenceops.registration.keys.ServiceKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Signs and verifies badge QR payloads with Ed25519 (JDK). A payload is {@code <payload>.<signature>}, both base64url
 * without padding; the payload is {@code 1|<badgeId>|<conferenceId>}. Ed25519 signatures are deterministic, so the
 * same badge always prints the same QR code. Nothing personal is in the QR: it names the badge, not the person.
 */
@Component
public class BadgeSigner {

    private static final String VERSION = "1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final KeyPair keys;

    @Autowired
    BadgeSigner(ServiceKeys keys) {
        this.keys = keys.badgeKeys();
    }

    BadgeSigner(KeyPair keys) {
        this.keys = keys;
    }

    /** The QR payload of a badge. */
    public String sign(String badgeId, String conferenceId) {
        byte[] payload = String.join("|", VERSION, badgeId, conferenceId).getBytes(StandardCharsets.UTF_8);
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keys.getPrivate());
            signature.update(payload);
            return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(signature.sign());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("badge signing failed: " + e.getClass().getSimpleName());
        }
    }

    /** The claims of a payload this service signed, or empty when it is malformed, altered or forged. */
    public Optional<BadgeClaims> verify(String qr) {
        String[] parts = qr.strip().split("\\.");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(parts[0]);
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(keys.getPublic());
            signature.update(payload);
            if (!signature.verify(DECODER.decode(parts[1]))) {
                return Optional.empty();
            }
            String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|");
            if (fields.length != 3 || !VERSION.equals(fields[0])) {
                return Optional.empty();
            }
            return Optional.of(new BadgeClaims(fields[1], fields[2]));
        }
        catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
