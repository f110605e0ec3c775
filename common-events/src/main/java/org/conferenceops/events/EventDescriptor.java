package org.conferenceops.events;

import java.util.Objects;

/**
 * One catalogue entry: the frozen logical type name and version of an event, the record that carries it, the
 * topic it is published to, the service that publishes it and the aggregate whose id is its key.
 *
 * @param type      logical type name, {@code <producer area>.<EventName>}, frozen forever
 * @param version   the contract version (CloudEvents extension {@code dataversion}); additive changes only within it
 * @param javaType  the record that carries this version
 * @param topic     the Kafka topic it is published to
 * @param producer  the publishing service
 * @param aggregate the aggregate whose id is the record key and CloudEvents subject
 * @param summary   one sentence: when it is published
 */
public record EventDescriptor(String type, int version, Class<? extends IntegrationEvent> javaType, String topic,
        String producer, String aggregate, String summary) {

    public EventDescriptor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(summary, "summary");
        if (!type.matches("[a-z]+\\.[A-Z][A-Za-z]+")) {
            throw new IllegalArgumentException("type must look like 'area.EventName': " + type);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1: " + version);
        }
    }

    /** {@code type} and {@code version} as one key, e.g. {@code registration.DelegateRegistered@1}. */
    public String key() {
        return type + "@" + version;
    }
}
