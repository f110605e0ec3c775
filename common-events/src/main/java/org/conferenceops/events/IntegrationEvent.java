package org.conferenceops.events;

/**
 * An event published by one service for others: an immutable record, named in the past tense, whose logical
 * type name and version are fixed in the {@link EventCatalogue} and never derived from the Java class name.
 */
public interface IntegrationEvent {

    /**
     * The id of the aggregate the event is about. It is the Kafka record key and the CloudEvents {@code subject},
     * so all events of one aggregate are delivered in the order they were raised.
     */
    String aggregateId();
}
