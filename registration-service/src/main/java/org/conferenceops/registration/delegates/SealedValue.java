package org.conferenceops.registration.delegates;

/**
 * A value encrypted with AES-GCM: base64 of a 12-byte nonce followed by the ciphertext and tag. Bound to the record
 * it belongs to (the delegate id is the associated data), so it cannot be copied onto another record.
 *
 * @param data the nonce and ciphertext, base64
 */
public record SealedValue(String data) {

    @Override
    public String toString() {
        return "SealedValue[redacted]";
    }
}
