package org.conferenceops.platform.outbox;

import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.AfterConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveCallback;

/**
 * Remembers the document every aggregate was read from or saved as, so that {@link EventOutbox}'s next conditional
 * update of it sets only the fields that changed. Every aggregate MongoTemplate (and so every repository) reads or
 * saves passes through here.
 */
class RememberStoredAggregates implements AfterConvertCallback<AggregateDocument>,
        AfterSaveCallback<AggregateDocument> {

    @Override
    public AggregateDocument onAfterConvert(AggregateDocument entity, Document document, String collection) {
        entity.storedAs(document);
        return entity;
    }

    @Override
    public AggregateDocument onAfterSave(AggregateDocument entity, Document document, String collection) {
        entity.storedAs(document);
        return entity;
    }
}
