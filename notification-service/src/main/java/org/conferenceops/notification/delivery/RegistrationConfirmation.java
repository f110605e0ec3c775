package org.conferenceops.notification.delivery;

import java.time.Clock;
import java.util.Map;
import org.conferenceops.events.notification.Channel;
import org.conferenceops.events.registration.DelegateRegistered;
import org.conferenceops.notification.recipients.Recipient;
import org.conferenceops.notification.recipients.RecipientRepository;
import org.conferenceops.notification.templates.MessageTemplates;
import org.conferenceops.notification.templates.RenderedMessage;
import org.conferenceops.platform.messaging.EventContext;
import org.conferenceops.platform.messaging.EventHandler;
import org.conferenceops.platform.outbox.EventOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Tells a newly registered delegate, by e-mail in their language, that their registration was received. Once per
 * registration event: the notification's id is derived from (event, delegate, channel) and a sent notification
 * is never sent again, however often the event arrives.
 */
@Component
class RegistrationConfirmation implements EventHandler<DelegateRegistered> {

    static final String KIND = "registration-confirmation";
    private static final Logger log = LoggerFactory.getLogger(RegistrationConfirmation.class);

    private final NotificationRepository notifications;
    private final RecipientRepository recipients;
    private final MessageTemplates templates;
    private final EmailChannel email;
    private final EventOutbox outbox;
    private final Clock clock;

    RegistrationConfirmation(NotificationRepository notifications, RecipientRepository recipients,
            MessageTemplates templates, EmailChannel email, EventOutbox outbox, Clock clock) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.templates = templates;
        this.email = email;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Class<DelegateRegistered> eventType() {
        return DelegateRegistered.class;
    }

    @Override
    public void handle(DelegateRegistered event, EventContext context) {
        Notification notification = queued(context.eventId(), event.delegateId());
        if (notification.status() == NotificationStatus.SENT) {
            return;
        }
        Recipient recipient = recipients.findById(event.delegateId()).orElseThrow(() ->
                new IllegalStateException("recipient " + event.delegateId() + " not projected yet"));
        RenderedMessage message = templates.render(KIND, recipient.language(), Map.of(
                "name", recipient.givenName() + " " + recipient.familyName(),
                "conference", recipient.conferenceId(),
                "reference", recipient.delegateId()));
        try {
            email.send(notification.id(), recipient.email(), message);
        }
        catch (MailException e) {
            String reason = "SMTP server did not accept the message: " + e.getMostSpecificCause().getClass().getSimpleName();
            outbox.save(notification, notification.failed(reason, false, clock.instant()));
            log.warn("Notification {} failed and will be retried: {}", notification.id(), reason);
            throw e;
        }
        outbox.save(notification, notification.sent(message.language(), message.fallback(), clock.instant()));
    }

    private Notification queued(String eventId, String delegateId) {
        String id = Notification.idFor(eventId, delegateId, Channel.EMAIL);
        return notifications.findById(id).orElseGet(() -> {
            try {
                return outbox.save(Notification.queue(eventId, delegateId, Channel.EMAIL, KIND, clock.instant()),
                        java.util.List.of());
            }
            catch (DuplicateKeyException concurrentlyCreated) {
                return notifications.findById(id).orElseThrow();
            }
        });
    }
}
