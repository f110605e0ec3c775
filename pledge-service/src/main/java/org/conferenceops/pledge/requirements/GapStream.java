package org.conferenceops.pledge.requirements;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live gap for screens in the pledging session: each subscriber gets every requirement's current gap, then each
 * change as a server-sent event named {@code gap} whose id is {@code <requirementId>:<version>}. A change is sent
 * once per version, whichever path brings it first: the in-process recompute on the replica that stored it, the
 * {@code pledge.CapabilityGapChanged} event that every replica hears ({@link LiveGapFeed}), or the reconciliation
 * sweep (the safety net).
 */
@Component
public class GapStream implements SmartLifecycle {

    private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();
    private final Map<String, Long> sentVersions = new ConcurrentHashMap<>();
    private final RequirementProperties properties;
    private volatile boolean running;

    GapStream(RequirementProperties properties, MeterRegistry meters) {
        this.properties = properties;
        meters.gauge("capability.gap.stream.subscribers", subscribers, List::size);
    }

    /** A new subscriber, sent the current gap of every requirement first. */
    SseEmitter subscribe(Collection<GapView> current) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> subscribers.remove(emitter));
        emitter.onError(error -> subscribers.remove(emitter));
        for (GapView view : current) {
            if (!send(emitter, view)) {
                return emitter;
            }
        }
        subscribers.add(emitter);
        return emitter;
    }

    /** Sends a gap to every subscriber, unless this version (or a newer one) was sent already. */
    void publish(GapView view) {
        Long sent = sentVersions.get(view.requirementId());
        if (sent != null && sent >= view.version()) {
            return;
        }
        if (sent == null ? sentVersions.putIfAbsent(view.requirementId(), view.version()) != null
                : !sentVersions.replace(view.requirementId(), sent, view.version())) {
            publish(view);
            return;
        }
        for (SseEmitter subscriber : subscribers) {
            if (!send(subscriber, view)) {
                subscribers.remove(subscriber);
            }
        }
    }

    /**
     * Ends every stream when the service stops, before the web server's graceful shutdown, which would otherwise
     * wait for these never-ending requests; screens reconnect to another replica.
     */
    @Override
    public void stop() {
        running = false;
        subscribers.forEach(SseEmitter::complete);
        subscribers.clear();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static boolean send(SseEmitter emitter, GapView view) {
        try {
            emitter.send(SseEmitter.event().name("gap").id(view.requirementId() + ":" + view.version())
                    .data(view, MediaType.APPLICATION_JSON));
            return true;
        }
        catch (IOException | IllegalStateException e) {
            // the screen went away; it reconnects and gets the current gap again
            emitter.completeWithError(e);
            return false;
        }
    }
}
