package org.conferenceops.events;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event as Conference Ops puts it on Kafka (structured JSON mode, record value of content type
 * {@code application/cloudevents+json}, record key = {@link #subject()}).
 *
 * @param id               CloudEvents {@code id}: unique per event; consumers remember it to apply an event once
 * @param type             CloudEvents {@code type}: the frozen logical type name, e.g. {@code registration.DelegateRegistered}
 * @param dataVersion      extension {@code dataversion}: the contract version of {@code data}
 * @param source           CloudEvents {@code source}: {@code /conference-ops/<service>}
 * @param subject          CloudEvents {@code subject}: the aggregate id, also the Kafka record key
 * @param time             CloudEvents {@code time}: when the event was raised (UTC)
 * @param correlationId    extension {@code correlationid}: the request or flow that started the chain
 * @param causationId      extension {@code causationid}: the id of the event or request that caused this one
 * @param aggregateVersion extension {@code aggregateversion}: the aggregate's version after the change, increasing
 *                         per subject, so a consumer can detect a stale event within a key
 * @param traceparent      extension {@code traceparent} (CloudEvents distributed-tracing extension, W3C format)
 * @param data             the event record as JSON
 */
public record EventEnvelope(String id, String type, int dataVersion, String source, String subject, Instant time,
        @Nullable String correlationId, @Nullable String causationId, @Nullable Long aggregateVersion,
        @Nullable String traceparent, JsonNode data) {

    /** The CloudEvents spec version written and accepted. */
    public static final String SPEC_VERSION = "1.0";
    /** Kafka record value content type in structured mode. */
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** The conventional CloudEvents source of a service. */
    public static String sourceOf(String serviceName) {
        return "/conference-ops/" + serviceName;
    }
}
