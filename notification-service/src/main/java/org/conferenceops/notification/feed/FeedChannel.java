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
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes a delegate's notifications to the feed connections that delegate opened on this instance. A delegate who
 * is not connected finds the message in their delivery log ({@code GET /api/delegates/{id}/notifications}); the
 * notification counts as delivered once it is in the log and pushed to every open connection.
 */
@Component
class FeedChannel implements ChannelTransport {

    private final Map<String, List<SseEmitter>> connections = new ConcurrentHashMap<>();

    FeedChannel(MeterRegistry meters) {
        meters.gauge("notifications.feed.connections", connections,
                c -> c.values().stream().mapToInt(List::size).sum());
    }

    @Override
    public Channel channel() {
        return Channel.FEED;
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
}
