package org.conferenceops.registration.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;

/** Badge QR payloads cannot be forged or altered. */
class BadgeSignerTest {

    private final BadgeSigner signer = new BadgeSigner(generate());
    private final BadgeSigner otherService = new BadgeSigner(generate());

    @Test
    void aSignedPayloadVerifiesIsCompactAndIsTheSameEachTime() {
        String qr = signer.sign("bdg-abc", "berlin-2025");

        assertThat(signer.verify(qr)).hasValue(new BadgeClaims("bdg-abc", "berlin-2025"));
        assertThat(qr).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").hasSizeLessThan(160);
        assertThat(signer.sign("bdg-abc", "berlin-2025")).isEqualTo(qr);
    }

    @Test
    void anAlteredForgedOrMalformedPayloadDoesNotVerify() {
        String qr = signer.sign("bdg-abc", "berlin-2025");
        String[] parts = qr.split("\\.");
        String otherBadge = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("1|bdg-xyz|berlin-2025".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(signer.verify(otherBadge + "." + parts[1])).isEmpty();
        assertThat(signer.verify(otherService.sign("bdg-abc", "berlin-2025"))).isEmpty();
        assertThat(signer.verify("not a badge")).isEmpty();
        assertThat(signer.verify("a.b.c")).isEmpty();
        assertThat(signer.verify(parts[0] + ".!!!")).isEmpty();
    }

    private static java.security.KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
