package org.conferenceops.notification.delivery;

import java.util.List;
import java.util.Map;
import org.conferenceops.events.registration.DelegateRegistered;
import org.conferenceops.platform.messaging.EventContext;
import org.conferenceops.platform.messaging.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Tells a newly registered delegate, in their language, that their registration was received. Once per
 * registration event and channel: the fan-out job and each notification have ids derived from the event.
 */
@Component
class RegistrationConfirmation implements EventHandler<DelegateRegistered> {

    static final String KIND = "registration-confirmation";

    private final FanOut fanOut;

    RegistrationConfirmation(FanOut fanOut) {
        this.fanOut = fanOut;
    }

    @Override
    public Class<DelegateRegistered> eventType() {
        return DelegateRegistered.class;
    }

    @Override
    public void handle(DelegateRegistered event, EventContext context) {
        fanOut.start(new FanOutRequest(context.eventId(), context.correlationId(), KIND, false,
                Map.of("conference", event.conferenceId(), "reference", event.delegateId()),
                List.of(Target.delegate(event.delegateId())), event.conferenceId(), event.delegationId(), null));
    }
}
