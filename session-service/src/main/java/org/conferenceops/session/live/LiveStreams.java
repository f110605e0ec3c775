package org.conferenceops.session.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The streams open on this replica: delegates' agenda streams by delegate id, organisers' programme streams by
 * conference id. Every replica receives every change (the platform's live listener), so each pushes to its own
 * subscribers and nobody waits for a poll.
 *
 * <p>On shutdown every stream is completed before the web server's graceful shutdown starts, which would otherwise
 * wait for these never-ending requests; the screens reconnect to another replica.
 */
@Component
class LiveStreams implements SmartLifecycle {

    /** The SSE event a delegate's agenda stream carries. */
    static final String AGENDA_CHANGED = "agenda-changed";
    /** The SSE event an organiser's programme stream carries. */
    static final String PROGRAMME_CHANGED = "programme-changed";

    private final Map<String, List<SseEmitter>> agendas = new ConcurrentHashMap<>();
    private final Map<String, List<SseEmitter>> programmes = new ConcurrentHashMap<>();
    private volatile boolean running;

    LiveStreams(MeterRegistry meters) {
        Gauge.builder("session.live.streams", agendas, LiveStreams::count).tag("kind", "agenda")
                .description("Open agenda-change streams on this replica").register(meters);
        Gauge.builder("session.live.streams", programmes, LiveStreams::count).tag("kind", "programme")
                .description("Open programme-change streams on this replica").register(meters);
    }

    /** A delegate's agenda stream; it ends after {@code timeout} and the client reconnects. */
    SseEmitter openAgenda(String delegateId, Duration timeout) {
        return open(agendas, delegateId, timeout);
    }

    /** A conference's programme stream; it ends after {@code timeout} and the client reconnects. */
    SseEmitter openProgramme(String conferenceId, Duration timeout) {
        return open(programmes, conferenceId, timeout);
    }

    /** The delegates with an agenda stream open on this replica. */
    Set<String> watchingDelegates() {
        return agendas.keySet();
    }

    void toDelegate(String delegateId, LiveChange change) {
        push(agendas.get(delegateId), AGENDA_CHANGED, change);
    }

    void toDelegates(Collection<String> delegateIds, LiveChange change) {
        delegateIds.forEach(delegateId -> toDelegate(delegateId, change));
    }

    void toProgramme(String conferenceId, LiveChange change) {
        push(programmes.get(conferenceId), PROGRAMME_CHANGED, change);
    }

    private static SseEmitter open(Map<String, List<SseEmitter>> streams, String key, Duration timeout) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        List<SseEmitter> mine = streams.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
        mine.add(emitter);
        Runnable remove = () -> {
            mine.remove(emitter);
            streams.computeIfPresent(key, (k, list) -> list.isEmpty() ? null : list);
        };
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(failure -> remove.run());
        try {
            // sent at once so the client knows the stream is open before any change happens
            emitter.send(SseEmitter.event().name("connected").data("{}", MediaType.APPLICATION_JSON));
        }
        catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    private static void push(@Nullable List<SseEmitter> emitters, String name,
            LiveChange change) {
        if (emitters == null) {
            return;
        }
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().id(change.eventId()).name(name)
                        .data(change, MediaType.APPLICATION_JSON));
            }
            catch (IOException | IllegalStateException gone) {
                // the screen went away; it reconnects and fetches the current picture again
                emitters.remove(emitter);
            }
        }
    }

    private static double count(Map<String, List<SseEmitter>> streams) {
        return streams.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        for (Map<String, List<SseEmitter>> streams : List.of(agendas, programmes)) {
            streams.values().forEach(emitters -> emitters.forEach(SseEmitter::complete));
            streams.clear();
        }
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
