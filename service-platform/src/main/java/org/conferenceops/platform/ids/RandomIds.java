package org.conferenceops.platform.ids;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs, as {@link UUID#randomUUID()} makes them, from a strong generator of each thread's own.
 * {@code UUID.randomUUID()} draws from one generator the whole JVM shares, behind one lock: a request takes a
 * correlation id and an event id or more, and in a booking rush the request threads spent 2.4 s of 9 s waiting for
 * that lock (docs/benchmarks.md). Each thread here has its own DRBG instance, seeded from the system's entropy
 * when the thread first asks; the ids stay unpredictable and unique as before.
 */
public final class RandomIds {

    private static final ThreadLocal<SecureRandom> GENERATORS = ThreadLocal.withInitial(RandomIds::newGenerator);

    private RandomIds() {
    }

    /** A new random UUID (version 4, IETF variant). */
    public static UUID uuid() {
        byte[] random = new byte[16];
        GENERATORS.get().nextBytes(random);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (random[i] & 0xff);
            least = (least << 8) | (random[i + 8] & 0xff);
        }
        most = (most & ~0xf000L) | 0x4000L; // version 4
        least = (least & 0x3fffffffffffffffL) | 0x8000000000000000L; // IETF variant
        return new UUID(most, least);
    }

    /** {@link #uuid()} as text, the form ids take in documents, events and headers. */
    public static String next() {
        return uuid().toString();
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        }
        catch (NoSuchAlgorithmException notInThisJdk) {
            return new SecureRandom();
        }
    }
}
