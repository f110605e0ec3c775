package org.conferenceops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bench's HTTP client against a real loopback server that is busy for the first requests. */
class ApiTest {

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private URI uri;

    @BeforeEach
    void busyTwiceThenCreated() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/things", exchange -> {
            int n = requests.incrementAndGet();
            byte[] body = (n <= 2 ? "{\"status\":503}" : "{\"id\":\"t-1\"}").getBytes(StandardCharsets.UTF_8);
            if (n <= 2) {
                exchange.getResponseHeaders().add("Retry-After", "0");
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(n <= 2 ? 503 : 201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/things");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aClientRetryingWhenUnavailableSendsAgainAfterRetryAfterAndReturnsTheLastAnswer() {
        Api.Response response = Api.retryingWhenUnavailable(Duration.ofSeconds(5), 5).post(uri, null, Map.of("a", 1));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("id")).isEqualTo("t-1");
        assertThat(requests).hasValue(3);
    }

    @Test
    void aClientRetryingTooFewTimesReturnsThe503AndAPlainClientNeverRetries() {
        assertThat(Api.retryingWhenUnavailable(Duration.ofSeconds(5), 1).post(uri, null, null).status())
                .isEqualTo(503);
        assertThat(requests).hasValue(2);

        requests.set(0);
        assertThat(new Api(Duration.ofSeconds(5)).post(uri, null, null).status()).isEqualTo(503);
        assertThat(requests).hasValue(1);
    }

    @Test
    void retryAfterIsReadInSecondsWithinSaneBounds() {
        assertThat(Api.retryAfterMillis("2")).isEqualTo(2000);
        assertThat(Api.retryAfterMillis("0")).isEqualTo(100);
        assertThat(Api.retryAfterMillis("3600")).isEqualTo(10_000);
        assertThat(Api.retryAfterMillis("Wed, 21 Oct 2026 07:28:00 GMT")).isEqualTo(1000);
    }
}
