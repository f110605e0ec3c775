package org.conferenceops.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.micrometer.core.instrument.MeterRegistry;
import org.conferenceops.events.notification.Channel;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.notification.recipients.Directory;
import org.conferenceops.notification.recipients.Recipient;
import org.conferenceops.notification.templates.MessageTemplates;
import org.conferenceops.notification.templates.RenderedMessage;
import org.conferenceops.platform.outbox.EventOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Delivers one notification on one route: created under its deterministic id (whoever creates it owns the first
 * attempt), deferred in quiet hours unless urgent, rendered in the recipient's language, handed to the channel's
 * transport, and its outcome saved with the event that publishes it. A failure schedules a retry with exponential
 * back-off until the attempts run out.
 */
@Component
class Deliverer {

    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

    private final NotificationRepository notifications;
    private final MessageTemplates templates;
    private final Directory directory;
    private final EventOutbox outbox;
    private final Map<Channel, ChannelTransport> transports = new EnumMap<>(Channel.class);
    private final List<MessageDetails> details;
    private final DeliverySettings settings;
    private final MeterRegistry meters;
    private final Clock clock;

    Deliverer(NotificationRepository notifications, MessageTemplates templates, Directory directory,
            EventOutbox outbox, List<ChannelTransport> transports, List<MessageDetails> details,
            DeliverySettings settings, MeterRegistry meters, Clock clock) {
        this.notifications = notifications;
        this.templates = templates;
        this.directory = directory;
        this.outbox = outbox;
        transports.forEach(t -> this.transports.put(t.channel(), t));
        this.details = List.copyOf(details);
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    /** First delivery of a job's message on a route; does nothing if the notification exists already. */
    void deliver(FanOutJob job, Target target, Route route) {
        String id = Notification.idFor(job.sourceEventId(), route.recipientId(), route.channel());
        if (notifications.existsById(id)) {
            return;
        }
        Notification notification;
        try {
            notification = outbox.save(Notification.queue(job, target, route, clock.instant()), List.of());
        }
        catch (DuplicateKeyException createdConcurrently) {
            return;
        }
        attempt(notification, job, route);
    }

    /** A due retry or deferred delivery: claimed first, so that only one worker attempts it. */
    void retry(Notification due, FanOutJob job, List<Route> currentRoutes) {
        try {
            due.claim(clock.instant());
            outbox.save(due, List.of());
        }
        catch (OptimisticLockingFailureException claimedElsewhere) {
            return;
        }
        Optional<Route> route = currentRoutes.stream()
                .filter(r -> r.recipientId().equals(due.recipientId()) && r.channel() == due.channel()).findFirst();
        if (route.isEmpty()) {
            outbox.save(due, due.abandoned("recipient no longer reachable on " + due.channel(), clock.instant()));
            count(due.channel(), "abandoned");
            return;
        }
        attempt(due, job, route.get());
    }

    private void attempt(Notification notification, FanOutJob job, Route route) {
        Instant now = clock.instant();
        if (!job.urgent() && route.quietHours() != null) {
            Optional<Instant> end = route.quietHours().endIfQuiet(now, route.zone());
            if (end.isPresent()) {
                outbox.save(notification, notification.deferUntil(end.get(), now));
                count(route.channel(), "deferred");
                return;
            }
        }
        ChannelTransport transport = transports.get(route.channel());
        if (transport == null) {
            outbox.save(notification, notification.abandoned("no transport for " + route.channel(), now));
            return;
        }
        RenderedMessage rendered = render(job, route);
        OutboundMessage message = new OutboundMessage(notification.id(), job.sourceEventId(), job.kind(),
                job.urgent(), route, rendered, job.values(), notification.createdAt());
        try {
            transport.send(message);
        }
        catch (DeliveryFailure failure) {
            failed(notification, route, transport, failure.getMessage(), failure.permanent());
            return;
        }
        catch (RuntimeException unexpected) {
            failed(notification, route, transport, "transport error: " + unexpected.getClass().getSimpleName(),
                    false);
            return;
        }
        outbox.save(notification, notification.sent(rendered.language(), rendered.fallback(), clock.instant()));
        if (rendered.fallback()) {
            log.info("Notification {} sent in English: no {} template for {}", notification.id(),
                    route.language().code(), job.kind());
        }
        count(route.channel(), "sent");
        transport.delivered(route);
    }

    private void failed(Notification notification, Route route, ChannelTransport transport, String reason,
            boolean permanent) {
        Instant now = clock.instant();
        boolean last = permanent || notification.attempts() + 1 >= settings.maxAttempts();
        Instant retryAt = last ? null : now.plus(settings.backoff(notification.attempts() + 1));
        outbox.save(notification, notification.failed(reason, retryAt, now));
        count(route.channel(), last ? "failed" : "retrying");
        log.warn("Notification {} on {} failed ({}): {}", notification.id(), route.channel(),
                last ? "final" : "retry at " + retryAt, reason);
        transport.attemptFailed(route);
    }

    private RenderedMessage render(FanOutJob job, Route route) {
        UnLanguage language = written(job, route);
        Map<String, String> values = values(job, route);
        List<RenderedMessage.Attachment> attachments = new ArrayList<>();
        for (MessageDetails detail : details) {
            if (detail.covers(job.kind())) {
                values.putAll(detail.values(job.kind(), Map.copyOf(values), route, language));
                attachments.addAll(detail.attachments(job.kind(), Map.copyOf(values), route));
            }
        }
        RenderedMessage rendered = templates.render(job.kind(), language, values);
        return attachments.isEmpty() ? rendered : new RenderedMessage(rendered.language(), rendered.fallback(),
                rendered.subject(), rendered.text(), rendered.html(), attachments);
    }

    /**
     * The language to write in: the recipient's, unless the job carries its own texts per language (a broadcast)
     * and has none in it, in which case English is sent and counted as a fallback like a missing template.
     */
    private UnLanguage written(FanOutJob job, Route route) {
        boolean ownTexts = job.values().containsKey("subject_en");
        if (ownTexts && !job.values().containsKey("subject_" + route.language().code())) {
            return UnLanguage.UNKNOWN;
        }
        return route.language();
    }

    private Map<String, String> values(FanOutJob job, Route route) {
        Map<String, String> values = new HashMap<>(job.values());
        if (job.values().containsKey("subject_en")) {
            String language = job.values().containsKey("subject_" + route.language().code())
                    ? route.language().code() : "en";
            values.put("subject", job.values().get("subject_" + language));
            values.put("body", job.values().getOrDefault("body_" + language, job.values().get("body_en")));
        }
        values.put("name", route.displayName());
        values.putIfAbsent("zone", route.zone().getId());
        String about = job.values().get("delegateId");
        if (about != null) {
            values.put("delegateName", directory.delegate(about).filter(r -> !r.erased())
                    .map(Recipient::displayName).filter(n -> !n.isBlank()).orElse(about));
        }
        return values;
    }

    private void count(Channel channel, String outcome) {
        meters.counter("notifications.deliveries", "channel", channel.name(), "outcome", outcome).increment();
    }
}
