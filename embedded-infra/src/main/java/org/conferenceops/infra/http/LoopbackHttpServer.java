package org.conferenceops.infra.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started JDK {@link HttpServer} with one handler per path prefix, each request on a virtual thread. A handler
 * that throws gets a 500 problem response instead of a dropped connection.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoopbackHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private LoopbackHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds {@code host:port} (0 = a free port) and starts serving.
     *
     * @param handlers handlers by path prefix, as {@link HttpServer#createContext(String, HttpHandler)} matches them
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static LoopbackHttpServer start(String host, int port, Map<String, HttpHandler> handlers) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        handlers.forEach((path, handler) -> server.createContext(path, exchange -> handleSafely(handler, exchange)));
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.start();
        return new LoopbackHttpServer(server, executor);
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting requests, lets running exchanges finish briefly, and releases the port. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void handleSafely(HttpHandler handler, HttpExchange exchange) {
        try {
            handler.handle(exchange);
        }
        catch (Exception e) {
            log.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            try {
                if (exchange.getResponseCode() == -1) {
                    HttpExchanges.sendProblem(exchange, 500, "about:blank", "Internal Server Error",
                            e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            catch (IOException | RuntimeException ignored) {
                // the client is gone or the response was half-written; closing below is all that is left
            }
        }
        finally {
            exchange.close();
        }
    }
}
