package org.conferenceops.notification.feed;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import io.micrometer.core.instrument.MeterRegistry;
import org.conferenceops.events.notification.Channel;
import org.conferenceops.notification.delivery.ChannelTransport;
import org.conferenceops.notification.delivery.OutboundMessage;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes a delegate's notifications to the feed connections that delegate opened on this instance. A delegate who
 * is not connected finds the message in their delivery log ({@code GET /api/delegates/{id}/notifications}); the
 * notification counts as delivered once it is in the log and pushed to every open connection.
 *
 * <p>On shutdown every open connection is completed before the web server's graceful shutdown starts (a higher
 * lifecycle phase stops first): an open stream is an active request, and graceful shutdown would otherwise wait for
 * it until its timeout. Clients reconnect to another instance.
 */
@Component
class FeedChannel implements ChannelTransport, SmartLifecycle {

    private final Map<String, List<SseEmitter>> connections = new ConcurrentHashMap<>();
    private volatile boolean running;

    FeedChannel(MeterRegistry meters) {
        meters.gauge("notifications.feed.connections", connections,
                c -> c.values().stream().mapToInt(List::size).sum());
    }

    @Override
    public Channel channel() {
        return Channel.FEED;
    }

    /** A feed entry is pushed with its notification id as the event id; the client keeps one per id. */
    @Override
    public boolean redeliverySafe() {
        return true;
    }

    /** Opens a connection for a delegate; it ends after {@code timeout} and the client reconnects. */
    SseEmitter open(String delegateId, Duration timeout) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        List<SseEmitter> mine = connections.computeIfAbsent(delegateId, k -> new CopyOnWriteArrayList<>());
        mine.add(emitter);
        Runnable remove = () -> mine.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().name("connected").data("{}", MediaType.APPLICATION_JSON));
        }
        catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    @Override
    public void send(OutboundMessage message) {
        List<SseEmitter> mine = connections.getOrDefault(message.route().address(), List.of());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", message.notificationId());
        data.put("kind", message.kind());
        data.put("urgent", message.urgent());
        data.put("language", message.rendered().language().code());
        data.put("subject", message.rendered().subject());
        data.put("text", message.rendered().text());
        for (SseEmitter emitter : mine) {
            try {
                emitter.send(SseEmitter.event().id(message.notificationId()).name("notification")
                        .data(data, MediaType.APPLICATION_JSON));
            }
            catch (IOException | IllegalStateException closed) {
                mine.remove(emitter);
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        connections.values().forEach(mine -> mine.forEach(SseEmitter::complete));
        connections.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // above the web server's graceful shutdown (DEFAULT_PHASE - 1024), so the streams end before it waits
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
