package org.conferenceops.notification.delivery;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message to fan out to an audience because of one source event.
 *
 * @param sourceEventId the event (or a deterministic id standing for one, e.g. a broadcast id); one job per id
 * @param correlationId the flow it continues
 * @param kind          the template kind
 * @param urgent        true to bypass quiet hours
 * @param values        template values, never personal data ({@code delegateId} lets the greeting name the delegate)
 * @param targets       who, in order
 * @param conferenceId  the conference, for the log
 * @param delegationId  the delegation concerned, for the log; null for several
 * @param sessionId     the session concerned, for the log; null for none
 * @param deliveryKey   what a notification is "about" for exactly-once purposes: one notification per
 *                      (delivery key, recipient, channel), whichever job reaches the recipient. Usually the source
 *                      event id; several jobs that are parts of one message (a coalesced session change sent per
 *                      kind of booking) share one, so that a recipient who falls into two parts is told once
 */
public record FanOutRequest(String sourceEventId, @Nullable String correlationId, String kind, boolean urgent,
        Map<String, String> values, List<Target> targets, String conferenceId, @Nullable String delegationId,
        @Nullable String sessionId, String deliveryKey) {

    public FanOutRequest {
        values = Map.copyOf(values);
        targets = List.copyOf(targets);
    }

    /** A fan-out whose notifications are about its source event (the delivery key is the source event id). */
    public FanOutRequest(String sourceEventId, @Nullable String correlationId, String kind, boolean urgent,
            Map<String, String> values, List<Target> targets, String conferenceId, @Nullable String delegationId,
            @Nullable String sessionId) {
        this(sourceEventId, correlationId, kind, urgent, values, targets, conferenceId, delegationId, sessionId,
                sourceEventId);
    }
}
