package org.conferenceops.notification.recipients;

import org.conferenceops.events.registration.AccreditationRejected;
import org.conferenceops.events.registration.DelegateAccredited;
import org.conferenceops.events.registration.DelegateErased;
import org.conferenceops.events.registration.DelegateRegistered;
import org.conferenceops.events.registration.DelegateUpdated;
import org.conferenceops.events.registration.RegistrationWithdrawn;
import org.conferenceops.platform.messaging.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The handlers that keep the recipient read model up to date. Each runs before the handlers that notify, so they
 * find the recipient as the event left it; erasure runs after them, so the delegate's last messages can still be
 * addressed. An erased recipient is never brought back by a late event.
 */
@Configuration(proxyBeanMethods = false)
class RecipientProjectors {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    EventHandler<DelegateRegistered> recipientOnRegistered(RecipientProjection projection) {
        return EventHandler.of(DelegateRegistered.class, (event, context) ->
                projection.applyToNew(event.delegateId(), context, (recipient, applied) -> {
                    if (!recipient.erased()) {
                        recipient.registered(event.conferenceId(), event.delegationId(), event.givenName(),
                                event.familyName(), event.email(), event.preferredLanguage(), applied);
                    }
                }));
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    EventHandler<DelegateUpdated> recipientOnUpdated(RecipientProjection projection) {
        return EventHandler.of(DelegateUpdated.class, (event, context) ->
                projection.apply(event.delegateId(), context, (recipient, applied) -> {
                    if (!recipient.erased()) {
                        recipient.updated(event.conferenceId(), event.delegationId(), event.givenName(),
                                event.familyName(), event.email(), event.preferredLanguage(), event.timeZone(),
                                applied);
                    }
                }));
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    EventHandler<DelegateAccredited> recipientOnAccredited(RecipientProjection projection) {
        return EventHandler.of(DelegateAccredited.class, (event, context) ->
                projection.apply(event.delegateId(), context, (recipient, applied) -> {
                    if (!recipient.erased()) {
                        recipient.standing(RecipientStatus.ACCREDITED, event.category(), applied);
                    }
                }));
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    EventHandler<AccreditationRejected> recipientOnRejected(RecipientProjection projection) {
        return EventHandler.of(AccreditationRejected.class, (event, context) ->
                projection.apply(event.delegateId(), context, (recipient, applied) -> {
                    if (!recipient.erased()) {
                        recipient.standing(RecipientStatus.REJECTED, null, applied);
                    }
                }));
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    EventHandler<RegistrationWithdrawn> recipientOnWithdrawn(RecipientProjection projection) {
        return EventHandler.of(RegistrationWithdrawn.class, (event, context) ->
                projection.apply(event.delegateId(), context, (recipient, applied) -> {
                    if (!recipient.erased()) {
                        recipient.standing(RecipientStatus.WITHDRAWN, null, applied);
                    }
                }));
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    EventHandler<DelegateErased> recipientOnErased(RecipientProjection projection) {
        return EventHandler.of(DelegateErased.class, (event, context) ->
                projection.apply(event.delegateId(), context, (recipient, applied) -> recipient.erase(applied)));
    }
}
