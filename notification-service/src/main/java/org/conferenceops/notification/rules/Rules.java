package org.conferenceops.notification.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.conferenceops.notification.delivery.FanOut;
import org.conferenceops.notification.delivery.FanOutRequest;
import org.conferenceops.notification.delivery.Target;
import org.conferenceops.platform.messaging.EventContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Applies the configured rule of a kind and starts its fan-out. */
@Component
class Rules {

    private final FanOut fanOut;
    private final RuleSettings settings;

    Rules(FanOut fanOut, RuleSettings settings) {
        this.fanOut = fanOut;
        this.settings = settings;
    }

    /** Tells a delegate and (if the rule says so) their focal point. */
    void toDelegate(EventContext context, String kind, String conferenceId, String delegationId, String delegateId,
            Map<String, String> values, boolean alsoFocalPoint) {
        RuleSettings.Rule rule = settings.rule(kind);
        List<Target> targets = new ArrayList<>();
        targets.add(Target.delegate(delegateId));
        if (alsoFocalPoint && rule.focalPoint()) {
            targets.add(Target.focalPoint(delegationId));
        }
        start(context, kind, rule, conferenceId, delegationId, null, values, targets);
    }

    /** Tells a delegation's focal point (and the delegation's webhook subscriptions). */
    void toFocalPoint(EventContext context, String kind, String conferenceId, String delegationId,
            @Nullable String sessionId, Map<String, String> values) {
        start(context, kind, settings.rule(kind), conferenceId, delegationId, sessionId, values,
                List.of(Target.focalPoint(delegationId)));
    }

    private void start(EventContext context, String kind, RuleSettings.Rule rule, String conferenceId,
            @Nullable String delegationId, @Nullable String sessionId, Map<String, String> values,
            List<Target> targets) {
        if (!rule.enabled()) {
            return;
        }
        fanOut.start(new FanOutRequest(context.eventId(), context.correlationId(), kind, rule.urgent(), values,
                targets, conferenceId, delegationId, sessionId));
    }
}
