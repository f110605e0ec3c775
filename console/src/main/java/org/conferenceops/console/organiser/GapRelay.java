package org.conferenceops.console.organiser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.conferenceops.console.backend.ConsoleProperties;
import org.conferenceops.console.backend.Service;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Relays pledge-service's capability-gap stream to an organiser's browser: one upstream connection per open
 * dashboard, with that organiser's token, closed when the browser goes. The browser is only told that the gap
 * changed ({@code gap-changed}) and fetches the rendered panel, so the page stays server-rendered.
 */
@Component
class GapRelay implements DisposableBean {

    private static final Duration OPEN_FOR = Duration.ofMinutes(30);

    private final URI stream;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService relays = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "console-gap-relay");
        thread.setDaemon(true);
        return thread;
    });

    GapRelay(ConsoleProperties properties) {
        this.stream = URI.create(properties.baseUrl(Service.PLEDGE).toString().replaceAll("/+$", "")
                + "/api/capability-gap/stream");
    }

    SseEmitter open(String token) {
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
        relays.execute(() -> relay(token, emitter, upstream));
        return emitter;
    }

    private void relay(String token, SseEmitter emitter, AtomicReference<Stream<String>> upstream) {
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
                lines.filter(line -> line.startsWith("event:")).forEach(line -> send(emitter));
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

    private static void send(SseEmitter emitter) {
        try {
            emitter.send(SseEmitter.event().name("gap-changed").data("changed"));
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void destroy() {
        relays.shutdownNow();
    }
}
