package org.conferenceops.infra.issuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.conferenceops.infra.Ports;
import org.conferenceops.infra.http.HttpExchanges;
import org.conferenceops.infra.http.LoopbackHttpServer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local development OIDC issuer: signs access tokens with an RSA key and serves what resource servers need to
 * verify them. It binds to {@code 127.0.0.1} only and authenticates nobody, so it must never run anywhere else.
 *
 * <ul>
 *   <li>{@code GET /.well-known/openid-configuration} — {@code issuer}, {@code jwks_uri}, {@code token_endpoint}</li>
 *   <li>{@code GET /jwks} — the public key set</li>
 *   <li>{@code POST /token} — form or query parameters {@code role} (repeatable or comma-separated: ORGANIZER,
 *       FOCAL_POINT, DELEGATE, OPS), {@code delegation}, {@code delegate}, {@code subject}, {@code ttl} (seconds);
 *       answers {@code {access_token, token_type, expires_in}} or a 400 problem</li>
 * </ul>
 *
 * <p>With a {@linkplain Builder#keyFile(Path) key file} the key is created once and reused, so tokens stay valid
 * across restarts; without one it lives in memory. Tests can {@linkplain #mint(TokenRequest) mint} directly.
 */
public final class DevTokenIssuer implements AutoCloseable {

    /** The RFC 9457 problem type of a refused token request. */
    public static final String INVALID_REQUEST_TYPE = "urn:conference-ops:problem:invalid-token-request";

    private static final Logger log = LoggerFactory.getLogger(DevTokenIssuer.class);
    private static final String HOST = Ports.LOOPBACK;

    private final int requestedPort;
    private final @Nullable Path keyFile;
    private final Clock clock;

    private int port;
    private @Nullable TokenMinter minter;
    private @Nullable LoopbackHttpServer http;

    private DevTokenIssuer(Builder builder) {
        this.requestedPort = builder.port;
        this.keyFile = builder.keyFile;
        this.clock = builder.clock;
    }

    /** A builder for an issuer on a free loopback port with an in-memory key. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads or creates the key and starts serving. A port given as 0 is chosen now and kept for restarts, so the
     * issuer URL (and with it the {@code iss} of minted tokens) does not change. Does nothing if running.
     *
     * @return this issuer
     * @throws IllegalStateException if the port cannot be bound
     */
    public synchronized DevTokenIssuer start() {
        if (http != null) {
            return this;
        }
        long started = System.nanoTime();
        if (port == 0) {
            port = Ports.resolve(HOST, requestedPort);
        }
        if (minter == null) {
            RSAKey key = keyFile != null ? SigningKeyStore.loadOrCreate(keyFile) : SigningKeyStore.generate();
            minter = new TokenMinter(key, "http://" + HOST + ":" + port, clock);
        }
        TokenMinter tokens = minter;
        Map<String, HttpHandler> handlers = Map.of(
                "/.well-known/openid-configuration", exchange -> discovery(exchange),
                "/jwks", exchange -> jwks(exchange, tokens),
                "/token", exchange -> token(exchange, tokens),
                "/", exchange -> HttpExchanges.sendNotFound(exchange,
                        "Try /.well-known/openid-configuration, /jwks or POST /token."));
        try {
            http = LoopbackHttpServer.start(HOST, port, handlers);
        }
        catch (RuntimeException e) {
            throw new IllegalStateException("token issuer cannot listen on " + HOST + ":" + port + ": "
                    + e.getMessage(), e);
        }
        log.info("Dev token issuer ready on {} in {} ms", issuer(), Duration.ofNanos(System.nanoTime() - started).toMillis());
        return this;
    }

    /** Stops serving; the key and the port are kept for a later start. */
    public synchronized void stop() {
        LoopbackHttpServer running = http;
        if (running != null) {
            running.close();
            http = null;
            log.info("Dev token issuer on {} stopped", issuer());
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Whether the HTTP endpoints are being served. */
    public synchronized boolean isRunning() {
        return http != null;
    }

    /**
     * A signed token for {@code request}, without going through HTTP.
     *
     * @throws IllegalStateException before the first {@link #start()}, when the issuer URL is not yet known
     */
    public String mint(TokenRequest request) {
        return minter().mint(request);
    }

    /** The issuer URL, the {@code iss} of every token, e.g. {@code http://127.0.0.1:8090}. */
    public synchronized String issuer() {
        return "http://" + HOST + ":" + (port != 0 ? port : requestedPort);
    }

    /** The port; the requested one, maybe 0, until the first start. */
    public synchronized int port() {
        return port != 0 ? port : requestedPort;
    }

    /** Where the public keys are served ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}). */
    public URI jwksUri() {
        return URI.create(issuer() + "/jwks");
    }

    /** Where {@code POST} mints tokens. */
    public URI tokenUri() {
        return URI.create(issuer() + "/token");
    }

    /** The OpenID discovery document's URL. */
    public URI discoveryUri() {
        return URI.create(issuer() + "/.well-known/openid-configuration");
    }

    /** The public key set tokens verify against. */
    public JWKSet publicJwkSet() {
        return minter().publicJwkSet();
    }

    private synchronized TokenMinter minter() {
        TokenMinter current = minter;
        if (current == null) {
            throw new IllegalStateException("start the issuer first: the issuer URL depends on its port");
        }
        return current;
    }

    private void discovery(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            HttpExchanges.sendMethodNotAllowed(exchange, "GET");
            return;
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer());
        document.put("jwks_uri", jwksUri().toString());
        document.put("token_endpoint", tokenUri().toString());
        document.put("response_types_supported", List.of("token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("token_endpoint_auth_methods_supported", List.of("none"));
        document.put("claims_supported", List.of("iss", "sub", "iat", "exp", "roles", "delegation_id", "delegate_id"));
        HttpExchanges.sendJson(exchange, 200, document);
    }

    private static void jwks(HttpExchange exchange, TokenMinter tokens) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            HttpExchanges.sendMethodNotAllowed(exchange, "GET");
            return;
        }
        HttpExchanges.sendJson(exchange, 200, tokens.publicJwkSet().toJSONObject(true));
    }

    private static void token(HttpExchange exchange, TokenMinter tokens) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            HttpExchanges.sendMethodNotAllowed(exchange, "POST");
            return;
        }
        TokenRequest request;
        try {
            request = parse(HttpExchanges.parameters(exchange));
        }
        catch (InvalidTokenRequestException e) {
            HttpExchanges.sendProblem(exchange, 400, INVALID_REQUEST_TYPE, "Invalid token request", e.getMessage());
            return;
        }
        Duration ttl = request.ttl() != null ? request.ttl() : TokenMinter.DEFAULT_TTL;
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", tokens.mint(request));
        response.put("token_type", "Bearer");
        response.put("expires_in", ttl.toSeconds());
        HttpExchanges.sendJson(exchange, 200, response);
    }

    static TokenRequest parse(Map<String, List<String>> parameters) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : parameters.getOrDefault("role", List.of())) {
            for (String name : value.split(",")) {
                if (!name.isBlank()) {
                    roles.add(Role.parse(name));
                }
            }
        }
        List<String> unknown = new ArrayList<>(parameters.keySet());
        unknown.removeAll(List.of("role", "delegation", "delegate", "subject", "ttl"));
        if (!unknown.isEmpty()) {
            throw new InvalidTokenRequestException("unknown parameter(s) " + unknown
                    + "; use role, delegation, delegate, subject, ttl");
        }
        return new TokenRequest(roles,
                HttpExchanges.first(parameters, "delegation"),
                HttpExchanges.first(parameters, "delegate"),
                HttpExchanges.first(parameters, "subject"),
                parseTtl(HttpExchanges.first(parameters, "ttl")));
    }

    private static @Nullable Duration parseTtl(@Nullable String seconds) {
        if (seconds == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(seconds.strip()));
        }
        catch (NumberFormatException e) {
            throw new InvalidTokenRequestException("ttl must be a number of seconds: '" + seconds + "'");
        }
    }

    /** Settings for a {@link DevTokenIssuer}. */
    public static final class Builder {

        private int port;
        private @Nullable Path keyFile;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The port on 127.0.0.1; 0, the default, picks a free one at the first start. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Keep the signing key (private JWK JSON) in this file, creating it on first use. */
        public Builder keyFile(Path keyFile) {
            this.keyFile = Objects.requireNonNull(keyFile);
            return this;
        }

        /** The clock for {@code iat} and {@code exp}; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** An issuer with these settings, not yet started. */
        public DevTokenIssuer build() {
            return new DevTokenIssuer(this);
        }
    }
}
