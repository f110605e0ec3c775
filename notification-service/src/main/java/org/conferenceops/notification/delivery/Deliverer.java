package org.conferenceops.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.bson.Document;
import org.conferenceops.events.notification.Channel;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.notification.recipients.Directory;
import org.conferenceops.notification.recipients.Recipient;
import org.conferenceops.notification.templates.MessageTemplates;
import org.conferenceops.notification.templates.RenderedMessage;
import org.conferenceops.platform.correlation.Correlation;
import org.conferenceops.platform.outbox.AggregateDocument;
import org.conferenceops.platform.outbox.EventOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Delivers a fan-out job's message to a batch of targets, and retries single notifications. A batch: the targets'
 * routes in one look-up, the notifications inserted with one unordered bulk insert under their deterministic ids (the
 * unique {@code _id} decides who owns each: one that exists is refused by MongoDB, never by a check first), already
 * recorded as handed to their channel ({@link NotificationStatus#SENDING}) or deferred by quiet hours, then rendered
 * in each recipient's language and handed to every channel's transport at once, over a few parallel connections
 * each (e-mail: one SMTP connection per part), each message saved as sent with the event that publishes it as soon
 * as its channel accepted it (so a worker dying mid-batch leaves at most the message in flight on each connection
 * unrecorded; a channel where a repeat is recognised by its id, the feed, has a part's outcomes saved in one bulk
 * write). A
 * failure schedules a retry with exponential back-off until the attempts run out; a hand-off whose outcome was never
 * stored (the worker died) is retried under the same message id.
 */
@Component
class Deliverer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);
    private static final int MIN_PER_CONNECTION = 25;

    private final MongoTemplate mongo;
    private final RouteResolver routes;
    private final MessageTemplates templates;
    private final Directory directory;
    private final EventOutbox outbox;
    private final Map<Channel, ChannelTransport> transports = new EnumMap<>(Channel.class);
    private final List<MessageDetails> details;
    private final DeliverySettings settings;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ExecutorService connections;

    Deliverer(MongoTemplate mongo, RouteResolver routes, MessageTemplates templates, Directory directory,
            EventOutbox outbox, List<ChannelTransport> transports, List<MessageDetails> details,
            DeliverySettings settings, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.routes = routes;
        this.templates = templates;
        this.directory = directory;
        this.outbox = outbox;
        transports.forEach(t -> this.transports.put(t.channel(), t));
        this.details = List.copyOf(details);
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
        // each worker's batch: up to `connections` hand-offs per channel, e-mail and feed (the usual pair) at once
        this.connections = Executors.newFixedThreadPool(Math.max(1, 2 * settings.connections() * settings.workers()),
                runnable -> {
                    Thread thread = new Thread(runnable, "notification-handoff");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public void destroy() {
        connections.shutdownNow();
    }

    /** First delivery of a job's message to a batch of its targets; routes whose notification exists are skipped. */
    void deliverBatch(FanOutJob job, List<Target> targets) {
        deliver(List.of(new Portion(job, targets)));
    }

    /**
     * First delivery of several jobs' messages, each to its targets, with one route look-up per kind of message, one
     * bulk insert and one hand-off per channel for all: how a stream of one-recipient jobs (a confirmation per
     * registration) is delivered without a round of database work per job. Each notification stays its job's: its
     * id, its message and the flow its events continue.
     */
    void deliverJobs(List<FanOutJob> jobs) {
        deliver(jobs.stream().map(job -> new Portion(job, job.targets().subList(job.cursor(), job.targets().size())))
                .toList());
    }

    /** Some of a job's targets. */
    private record Portion(FanOutJob job, List<Target> targets) {
    }

    private void deliver(List<Portion> portions) {
        Instant now = clock.instant();
        long started = System.nanoTime();
        Map<String, Map<Target, List<Route>>> routedByKind = new HashMap<>();
        for (Portion portion : portions) {
            routedByKind.computeIfAbsent(portion.job().kind(), kind -> routes.routesFor(portions.stream()
                    .filter(p -> p.job().kind().equals(kind)).flatMap(p -> p.targets().stream()).distinct()
                    .toList(), kind));
        }
        Map<String, Planned> planned = new LinkedHashMap<>();
        for (Portion portion : portions) {
            Map<Target, List<Route>> routed = routedByKind.get(portion.job().kind());
            for (Target target : portion.targets()) {
                for (Route route : routed.getOrDefault(target, List.of())) {
                    String id = Notification.idFor(portion.job().deliveryKey(), route.recipientId(), route.channel());
                    planned.putIfAbsent(id, new Planned(portion.job(), target, route));
                }
            }
        }
        started = phase("routes", started);
        if (planned.isEmpty()) {
            return;
        }
        List<Notification> fresh = new ArrayList<>(planned.size());
        planned.forEach((id, p) -> fresh.add(Notification.create(p.job(), p.target(), p.route(),
                p.job().urgent() || p.route().quietHours() == null ? null
                        : p.route().quietHours().endIfQuiet(now, p.route().zone()).orElse(null), now)));
        Map<Channel, List<Attempt>> handOffs = new EnumMap<>(Channel.class);
        List<Notification> created = insertNew(fresh);
        for (Notification notification : created) {
            if (notification.status() == NotificationStatus.DEFERRED) {
                count(notification.channel(), "deferred");
            }
            else {
                handOffs.computeIfAbsent(notification.channel(), c -> new ArrayList<>())
                        .add(new Attempt(planned.get(notification.id()), notification));
            }
        }
        if (created.size() < planned.size()) {
            Set<String> createdIds = new HashSet<>();
            created.forEach(n -> createdIds.add(n.id()));
            Map<FanOutJob, List<String>> existingByJob = new LinkedHashMap<>();
            planned.forEach((id, p) -> {
                if (!createdIds.contains(id)) {
                    existingByJob.computeIfAbsent(p.job(), job -> new ArrayList<>()).add(id);
                }
            });
            existingByJob.forEach((job, existing) -> {
                for (Notification orphan : takeOverUnfinished(job, existing)) {
                    handOffs.computeIfAbsent(orphan.channel(), c -> new ArrayList<>())
                            .add(new Attempt(planned.get(orphan.id()), orphan));
                }
            });
        }
        phase("insert", started);
        List<Runnable> parts = new ArrayList<>();
        handOffs.forEach((channel, attempts) -> parts.addAll(handOffParts(channel, attempts)));
        runAll(portions.size() == 1 ? portions.getFirst().job() : null, parts);
    }

    /**
     * The batch's notifications of this job that exist already but were never finished, recorded before the current
     * lease on the job began: a batch is run again only when the worker that held the job's lease did not move its
     * cursor (it died, or its lease ran out), so hand-offs it recorded under its lease and never saw through are
     * taken over now — claimed one by one with a conditional write, so that the retry sweeper cannot claim one too —
     * instead of waiting for {@code stale-claim}. Notifications of another job for the same message, or recorded
     * during this lease, belong to a live worker and are left alone. Each taken over is sent again under its message
     * id ("retried after crash"); one already accepted by the channel before the crash arrives twice with one
     * Message-ID, which the receiver can drop.
     */
    private List<Notification> takeOverUnfinished(FanOutJob job, List<String> existingIds) {
        Instant leaseUntil = job.leaseUntil();
        if (leaseUntil == null) {
            return List.of();
        }
        Instant leaseStarted = leaseUntil.minus(settings.lease());
        List<Notification> unfinished = mongo.find(Query.query(Criteria.where("_id").in(existingIds)
                .and("jobId").is(job.id()).and("updatedAt").lt(leaseStarted)
                .and("status").in(NotificationStatus.SENDING.name(), NotificationStatus.QUEUED.name())),
                Notification.class);
        List<Notification> taken = new ArrayList<>(unfinished.size());
        Instant now = clock.instant();
        for (Notification notification : unfinished) {
            try {
                notification.claim(now);
                outbox.save(notification, List.of());
            }
            catch (OptimisticLockingFailureException claimedElsewhere) {
                continue;
            }
            count(notification.channel(), "retried-after-crash");
            taken.add(notification);
        }
        if (!taken.isEmpty()) {
            log.info("{} notifications of a batch left unfinished by a worker that stopped are sent again under "
                    + "their message ids", taken.size());
        }
        return taken;
    }

    /** Records how long a phase of delivery took (where a fan-out's time goes); returns the time it ended. */
    private long phase(String phase, long startedNanos) {
        long now = System.nanoTime();
        Timer.builder("notifications.delivery.phase").tag("phase", phase).register(meters)
                .record(now - startedNanos, TimeUnit.NANOSECONDS);
        return now;
    }

    /** A due retry, deferred delivery or unfinished hand-off: claimed first, so that only one worker attempts it. */
    void retry(Notification due, FanOutJob job, List<Route> currentRoutes) {
        boolean afterCrash;
        try {
            afterCrash = due.claim(clock.instant());
            outbox.save(due, List.of());
        }
        catch (OptimisticLockingFailureException claimedElsewhere) {
            return;
        }
        if (afterCrash) {
            log.info("Notification {} on {} retried after crash: sent again under the same message id", due.id(),
                    due.channel());
            count(due.channel(), "retried-after-crash");
        }
        Optional<Route> route = currentRoutes.stream()
                .filter(r -> r.recipientId().equals(due.recipientId()) && r.channel() == due.channel()).findFirst();
        if (route.isEmpty()) {
            outbox.save(due, due.abandoned("recipient no longer reachable on " + due.channel(), clock.instant()));
            count(due.channel(), "abandoned");
            return;
        }
        Instant now = clock.instant();
        if (!job.urgent() && route.get().quietHours() != null) {
            Optional<Instant> end = route.get().quietHours().endIfQuiet(now, route.get().zone());
            if (end.isPresent()) {
                outbox.save(due, due.deferUntil(end.get(), now));
                count(route.get().channel(), "deferred");
                return;
            }
        }
        runAll(job, handOffParts(due.channel(), List.of(new Attempt(new Planned(job, due.target(), route.get()),
                due))));
    }

    /** A notification to create: for this job's message, to this target, on this route. */
    private record Planned(FanOutJob job, Target target, Route route) {
    }

    /** A notification to hand to its channel, and what it was planned for. */
    private record Attempt(Planned planned, Notification notification) {

        FanOutJob job() {
            return planned.job();
        }

        Route route() {
            return planned.route();
        }
    }

    /**
     * Inserts new notifications with one unordered bulk insert and returns those this call created; one that exists
     * already (a batch run again, a concurrent worker, a redelivered event) is refused by the unique id and left to
     * whoever created it: MongoDB decides, there is no check before the insert. A new notification raises no event,
     * so this is the insert {@link EventOutbox#save} would make, for a batch.
     */
    private List<Notification> insertNew(List<Notification> fresh) {
        if (fresh.isEmpty()) {
            return List.of();
        }
        List<Document> documents = new ArrayList<>(fresh.size());
        for (Notification notification : fresh) {
            Document document = new Document();
            mongo.getConverter().write(notification, document);
            document.put(AggregateDocument.VERSION, 0L);
            documents.add(document);
        }
        Set<Integer> refused = new HashSet<>();
        try {
            mongo.getCollection(mongo.getCollectionName(Notification.class)).insertMany(documents,
                    new InsertManyOptions().ordered(false));
        }
        catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                refused.add(error.getIndex());
            }
        }
        List<Notification> created = new ArrayList<>(fresh.size());
        for (int i = 0; i < documents.size(); i++) {
            if (!refused.contains(i)) {
                // read back from what was stored, so that it carries its version for the conditional writes
                created.add(outbox.read(Notification.class, documents.get(i)));
            }
        }
        return created;
    }

    /**
     * The hand-offs of a batch's attempts on one channel: split over at most {@code connections} parts (each one
     * SMTP connection for e-mail) of at least {@link #MIN_PER_CONNECTION} messages each.
     */
    private List<Runnable> handOffParts(Channel channel, List<Attempt> attempts) {
        ChannelTransport transport = transports.get(channel);
        if (transport == null) {
            return List.of(() -> attempts.forEach(a -> inFlowOf(a.job(), () -> outbox.save(a.notification(),
                    a.notification().abandoned("no transport for " + channel, clock.instant())))));
        }
        int parts = Math.max(1, Math.min(settings.connections(), attempts.size() / MIN_PER_CONNECTION));
        List<Runnable> handOffs = new ArrayList<>(parts);
        int size = (attempts.size() + parts - 1) / parts;
        for (int from = 0; from < attempts.size(); from += size) {
            List<Attempt> part = attempts.subList(from, Math.min(attempts.size(), from + size));
            handOffs.add(() -> handOff(channel, transport, part));
        }
        return handOffs;
    }

    /**
     * Runs the hand-offs of a batch at once, every channel's in parallel (the e-mails of a batch do not wait for its
     * feed entries), and returns when all are done; a single one runs on the caller's thread. The hand-offs of one
     * job run in its flow; those of several jobs record each outcome in its own job's flow.
     */
    private void runAll(@org.jspecify.annotations.Nullable FanOutJob job, List<Runnable> parts) {
        if (parts.size() == 1) {
            parts.getFirst().run();
            return;
        }
        List<Future<?>> running = new ArrayList<>(parts.size());
        for (Runnable part : parts) {
            running.add(connections.submit(() -> {
                if (job == null) {
                    part.run();
                    return;
                }
                try (Correlation.Scope ignored = Correlation.open(job.correlationId(), job.sourceEventId())) {
                    part.run();
                }
            }));
        }
        for (Future<?> part : running) {
            awaitPart(part);
        }
    }

    /** Runs a step in the flow of the job it is for: the events it saves continue that job's source event. */
    private static void inFlowOf(FanOutJob job, Runnable step) {
        try (Correlation.Scope ignored = Correlation.open(job.correlationId(), job.sourceEventId())) {
            step.run();
        }
    }

    private static void awaitPart(Future<?> part) {
        try {
            part.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing off", e);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Renders the attempts, hands them to the transport in one go and stores each message as sent the moment the
     * channel accepted it (not at the end of the batch): a worker dying midway leaves at most the message it was
     * sending in {@link NotificationStatus#SENDING}, so only that one can go out twice. Failures are stored after.
     */
    private void handOff(Channel channel, ChannelTransport transport, List<Attempt> attempts) {
        long started = System.nanoTime();
        List<OutboundMessage> messages = new ArrayList<>(attempts.size());
        Map<String, Attempt> attemptOf = new HashMap<>();
        for (Attempt attempt : attempts) {
            Notification notification = attempt.notification();
            FanOutJob job = attempt.job();
            messages.add(new OutboundMessage(notification.id(), notification.sourceEventId(), job.kind(),
                    job.urgent(), attempt.route(), render(job, attempt.route()), job.values(),
                    notification.createdAt()));
            attemptOf.put(notification.id(), attempt);
        }
        started = phase("render", started);
        Set<String> recorded = new HashSet<>();
        List<OutboundMessage> recordTogether = new ArrayList<>();
        Map<String, DeliveryFailure> failures;
        try {
            failures = transport.sendAll(messages, message -> {
                if (transport.redeliverySafe()) {
                    recordTogether.add(message);
                }
                else {
                    Attempt attempt = attemptOf.get(message.notificationId());
                    inFlowOf(attempt.job(), () -> sent(attempt.notification(), message, transport));
                }
                recorded.add(message.notificationId());
            });
        }
        catch (DeliveryFailure failure) {
            failures = new HashMap<>();
            for (OutboundMessage message : messages) {
                failures.put(message.notificationId(), failure);
            }
        }
        allSent(recordTogether, attemptOf, transport);
        started = phase("send-" + channel.name().toLowerCase(java.util.Locale.ROOT), started);
        for (int i = 0; i < attempts.size(); i++) {
            Attempt attempt = attempts.get(i);
            OutboundMessage message = messages.get(i);
            if (recorded.contains(message.notificationId())) {
                continue;
            }
            DeliveryFailure failure = failures.get(message.notificationId());
            if (failure != null) {
                inFlowOf(attempt.job(), () -> failed(attempt.notification(), attempt.route(), transport,
                        failure.getMessage(), failure.permanent()));
            }
            else {
                // a transport that reported neither: it said nothing failed, so it was accepted
                inFlowOf(attempt.job(), () -> sent(attempt.notification(), message, transport));
            }
        }
        phase("outcome", started);
    }

    private void sent(Notification notification, OutboundMessage message, ChannelTransport transport) {
        RenderedMessage rendered = message.rendered();
        outbox.save(notification, notification.sent(rendered.language(), rendered.fallback(), clock.instant()));
        recordedAsSent(message, transport);
    }

    /** What follows a message's {@code SENT} write: the fallback noted, the outcome counted, the channel told. */
    private void recordedAsSent(OutboundMessage message, ChannelTransport transport) {
        if (message.rendered().fallback()) {
            log.info("Notification {} sent in English: no {} template for {}", message.notificationId(),
                    message.route().language().code(), message.kind());
        }
        count(message.route().channel(), "sent");
        transport.delivered(message.route());
    }

    /**
     * Records the messages a redelivery-safe channel accepted in one bulk write. One taken over meanwhile by another
     * worker (after a stale claim) is left to it: it delivers it again under the same id and records it.
     */
    private void allSent(List<OutboundMessage> accepted, Map<String, Attempt> attemptOf, ChannelTransport transport) {
        if (accepted.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<EventOutbox.Change<Notification>> changes = new ArrayList<>(accepted.size());
        for (OutboundMessage message : accepted) {
            Attempt attempt = attemptOf.get(message.notificationId());
            Notification notification = attempt.notification();
            RenderedMessage rendered = message.rendered();
            inFlowOf(attempt.job(), () -> changes.add(new EventOutbox.Change<>(notification,
                    notification.sent(rendered.language(), rendered.fallback(), now))));
        }
        EventOutbox.BulkSave saved = outbox.saveAll(changes);
        if (saved.refused() > 0) {
            log.info("{} of {} {} deliveries not recorded here: taken over by another worker meanwhile, which records "
                    + "them", saved.refused(), accepted.size(), transport.channel());
        }
        accepted.forEach(message -> recordedAsSent(message, transport));
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
