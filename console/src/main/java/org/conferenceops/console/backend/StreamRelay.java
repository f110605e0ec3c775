package org.conferenceops.console.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Relays a service's SSE stream to one browser: one upstream connection per open page, with that user's token,
 * closed when the browser goes. The browser is only told <em>that</em> something changed (one named event, no
 * data from upstream) and fetches the rendered panel, so pages stay server-rendered and no service payload reaches
 * script.
 */
@Component
public class StreamRelay implements DisposableBean {

    private static final Duration OPEN_FOR = Duration.ofMinutes(30);

    private final ConsoleProperties properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService relays = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "console-stream-relay");
        thread.setDaemon(true);
        return thread;
    });

    StreamRelay(ConsoleProperties properties) {
        this.properties = properties;
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
            Stream<String> lines = upstream.get();
            if (lines != null) {
                lines.close();
            }
        };
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

    @Override
    public void destroy() {
        relays.shutdownNow();
    }
}
