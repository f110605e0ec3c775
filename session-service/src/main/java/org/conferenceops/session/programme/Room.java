package org.conferenceops.session.programme;

import org.conferenceops.platform.outbox.AggregateDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/** A room of a conference venue and how many people it seats. */
@Document("rooms")
public class Room extends AggregateDocument {

    @Id
    private final String id;
    private final String conferenceId;
    private final String name;
    private final int capacity;

    @PersistenceCreator
    Room(String id, String conferenceId, String name, int capacity) {
        this.id = id;
        this.conferenceId = conferenceId;
        this.name = name;
        this.capacity = capacity;
    }

    public String id() {
        return id;
    }

    public String conferenceId() {
        return conferenceId;
    }

    public String name() {
        return name;
    }

    public int capacity() {
        return capacity;
    }
}
