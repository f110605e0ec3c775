package org.conferenceops.registration.keys;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/** A generated local default key, stored once and reused by every instance and restart. */
@Document("local_keys")
class LocalKey {

    @Id
    private final String id;
    private final String material;
    private final Instant createdAt;

    @PersistenceCreator
    LocalKey(String id, String material, Instant createdAt) {
        this.id = id;
        this.material = material;
        this.createdAt = createdAt;
    }

    String material() {
        return material;
    }

    @Override
    public String toString() {
        return "LocalKey[" + id + ", created " + createdAt + "]";
    }
}
