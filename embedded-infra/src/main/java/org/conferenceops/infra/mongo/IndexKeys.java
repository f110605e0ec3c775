package org.conferenceops.infra.mongo;

import java.util.Arrays;
import java.util.Collections;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.jspecify.annotations.Nullable;

/**
 * The keys the in-memory indexes ({@link SecondaryIndex}, {@link MemoryUniqueIndex}) store instead of the server's
 * {@code KeyValue}: the value itself for one field, a small record for two or three. A {@code KeyValue} with its
 * list and the list's array took 64 bytes a key, and most keys are one document's (an id, an e-mail address, a
 * delegate and a timestamp): 526,000 of them after 90,000 registrations. Values are compared as {@code KeyValue}
 * compares them: by {@code equals} of the normalised values, null for null or missing.
 */
final class IndexKeys {

    private IndexKeys() {
    }

    /** The key of all of a key value's values. */
    static @Nullable Object of(KeyValue keyValue) {
        return of(keyValue, keyValue.size());
    }

    /** The key of a key value's first {@code length} values. */
    static @Nullable Object of(KeyValue keyValue, int length) {
        return switch (length) {
            case 1 -> keyValue.get(0);
            case 2 -> new Pair(keyValue.get(0), keyValue.get(1));
            case 3 -> new Triple(keyValue.get(0), keyValue.get(1), keyValue.get(2));
            default -> new Values(keyValue.stream().limit(length).toArray());
        };
    }

    /** The key value a key of all of an index's fields stands for. */
    static KeyValue keyValueOf(@Nullable Object key) {
        return switch (key) {
            case Pair pair -> new KeyValue(Arrays.asList(pair.first(), pair.second()));
            case Triple triple -> new KeyValue(Arrays.asList(triple.first(), triple.second(), triple.third()));
            case Values values -> new KeyValue(Arrays.asList(values.values()));
            case null, default -> new KeyValue(Collections.singletonList(key));
        };
    }

    private record Pair(@Nullable Object first, @Nullable Object second) {
    }

    private record Triple(@Nullable Object first, @Nullable Object second, @Nullable Object third) {
    }

    private record Values(@Nullable Object[] values) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Values that && Arrays.equals(values, that.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }
}
