package org.conferenceops.console.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Relays a service's SSE stream to one browser: one upstream connection per open page, with that user's token,
 * closed when the browser goes. The browser is only told <em>that</em> something changed (one named event, no
 * data from upstream) and fetches the rendered panel, so pages stay server-rendered and no service payload reaches
 * script.
 *
 * <p>Services do not replay what happened while nobody listened, so once the upstream stream is open the browser is
 * told once (data {@code connected}) to fetch the panel: a change between the page's rendering and the subscription,
 * or during a reconnect, is not lost. Relayed changes carry the data {@code changed}.
 *
 * <p>Every open relay gets a comment line every 20 seconds: proxies keep the connection,
 * and a browser that went away is noticed (the write fails) even when upstream stays silent, so its upstream
 * connection is closed too. When the console stops, every relay is completed before the web server's graceful
 * shutdown begins, which would otherwise wait for these never-ending requests; browsers reconnect by themselves.
 */
@Component
public class StreamRelay implements DisposableBean, SmartLifecycle {

    private static final Duration OPEN_FOR = Duration.ofMinutes(30);
    private static final long KEEP_ALIVE_SECONDS = 20;

    private final ConsoleProperties properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService relays = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "console-stream-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "console-stream-keep-alive");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    StreamRelay(ConsoleProperties properties) {
        this.properties = properties;
        keepAlive.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Opens the relay.
     *
     * @param path the service's stream, e.g. {@code /api/me/feed}
     * @param relayed which upstream event names (the text after {@code event:}) are passed on
     * @param browserEvent the name of the event the browser receives for each of them
     */
    public SseEmitter open(Service service, String path, String token, Predicate<String> relayed,
            String browserEvent) {
        URI stream = URI.create(properties.baseUrl(service).toString().replaceAll("/+$", "") + path);
        SseEmitter emitter = new SseEmitter(OPEN_FOR.toMillis());
        AtomicReference<Stream<String>> upstream = new AtomicReference<>();
        Runnable close = () -> {
            open.remove(emitter);
            Stream<String> lines = upstream.get();
            if (lines != null) {
                lines.close();
            }
        };
        open.add(emitter);
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(failure -> close.run());
        relays.execute(() -> relay(stream, token, relayed, browserEvent, emitter, upstream));
        return emitter;
    }

    private void relay(URI stream, String token, Predicate<String> relayed, String browserEvent, SseEmitter emitter,
            AtomicReference<Stream<String>> upstream) {
        try {
            HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(stream)
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                response.body().close();
                emitter.complete();
                return;
            }
            upstream.set(response.body());
            emitter.send(SseEmitter.event().comment("relaying"));
            emitter.send(SseEmitter.event().name(browserEvent).data("connected"));
            try (Stream<String> lines = response.body()) {
                lines.filter(line -> line.startsWith("event:"))
                        .filter(line -> relayed.test(line.substring("event:".length()).strip()))
                        .forEach(line -> send(emitter, browserEvent));
            }
            emitter.complete();
        }
        catch (IOException | RuntimeException e) {
            emitter.completeWithError(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        }
    }

    private static void send(SseEmitter emitter, String browserEvent) {
        try {
            emitter.send(SseEmitter.event().name(browserEvent).data("changed"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void keepAlive() {
        for (SseEmitter emitter : open) {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            }
            catch (IOException | IllegalStateException gone) {
                open.remove(emitter);
                emitter.completeWithError(gone);
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
        open.forEach(SseEmitter::complete);
        open.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // above the web server's graceful shutdown (DEFAULT_PHASE - 1024), so the relays end before it waits
        return SmartLifecycle.DEFAULT_PHASE;
    }

    @Override
    public void destroy() {
        keepAlive.shutdownNow();
        relays.shutdownNow();
    }
}
