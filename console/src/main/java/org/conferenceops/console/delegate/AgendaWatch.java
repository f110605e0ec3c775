package org.conferenceops.console.delegate;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.conferenceops.console.backend.Backend;
import org.conferenceops.console.backend.BackendException;
import org.conferenceops.console.backend.ConsoleProperties;
import org.conferenceops.console.backend.Service;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Watches the agenda of each delegate who has the agenda page open and tells the browser ({@code agenda-changed})
 * as soon as session-service shows a different picture: a session's change version, status, mode, room or booking.
 * session-service offers no change stream of its own, so this compares its agenda every
 * {@code conference-ops.console.agenda-poll-interval}, with the delegate's own token (docs/adr/015-console.md).
 */
@Component
class AgendaWatch implements DisposableBean {

    private static final Duration OPEN_FOR = Duration.ofMinutes(30);

    private final Backend backend;
    private final Duration interval;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "console-agenda-watch");
        thread.setDaemon(true);
        return thread;
    });

    AgendaWatch(Backend backend, ConsoleProperties properties) {
        this.backend = backend;
        this.interval = properties.agendaPollInterval();
    }

    SseEmitter open(String token, String delegateId) {
        SseEmitter emitter = new SseEmitter(OPEN_FOR.toMillis());
        AtomicReference<@Nullable String> last = new AtomicReference<>(fingerprint(token, delegateId));
        ScheduledFuture<?> task = timer.scheduleWithFixedDelay(() -> {
            String now = fingerprint(token, delegateId);
            if (now == null || Objects.equals(now, last.get())) {
                return;
            }
            last.set(now);
            try {
                emitter.send(SseEmitter.event().name("agenda-changed").data("changed"));
            }
            catch (IOException | IllegalStateException gone) {
                emitter.complete();
                throw new IllegalStateException("browser gone", gone);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        Runnable stop = () -> task.cancel(false);
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(failure -> stop.run());
        return emitter;
    }

    private @Nullable String fingerprint(String token, String delegateId) {
        try {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> sessions = (List<Map<String, Object>>) backend
                    .object(token, Service.SESSION, "/api/delegates/{id}/agenda", delegateId)
                    .getOrDefault("sessions", List.of());
            StringBuilder print = new StringBuilder();
            for (Map<String, Object> s : sessions) {
                print.append(s.get("sessionId")).append('|').append(s.get("changeVersion")).append('|')
                        .append(s.get("sessionStatus")).append('|').append(s.get("mode")).append('|')
                        .append(s.get("roomId")).append('|').append(s.get("booking")).append('|')
                        .append(s.get("waitlistPosition")).append(';');
            }
            return print.toString();
        }
        catch (BackendException e) {
            return null;
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
