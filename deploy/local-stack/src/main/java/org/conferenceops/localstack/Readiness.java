package org.conferenceops.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a service's readiness endpoint until it answers 200. */
final class Readiness {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Waits until {@code uri} answers 200.
     *
     * @param alive checked between polls; when it turns false the wait ends at once
     * @return whether the endpoint answered 200 in time while {@code alive} held
     */
    boolean await(URI uri, Duration timeout, BooleanSupplier alive) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
        while (System.nanoTime() < deadline && alive.getAsBoolean()) {
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            }
            catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(POLL);
        }
        return false;
    }
}
