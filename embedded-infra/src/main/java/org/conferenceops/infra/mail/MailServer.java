package org.conferenceops.infra.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.conferenceops.infra.Ports;
import org.conferenceops.infra.http.LoopbackHttpServer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server (GreenMail) that accepts every message without authentication and keeps it, plus a small HTTP
 * inbox to read what was sent:
 *
 * <ul>
 *   <li>{@code GET /messages} — JSON array of {@link InboxMessage}, newest first; {@code ?to=address} filters</li>
 *   <li>{@code GET /messages/{id}} — one message, or a 404 problem</li>
 *   <li>{@code DELETE /messages} — forget every message</li>
 *   <li>{@code GET /} — the same list as an HTML page</li>
 * </ul>
 *
 * <p>Messages are kept in memory only. Both ports are on loopback by default; 0 picks a free port at the first
 * start and keeps it for restarts.
 */
public final class MailServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailServer.class);

    private final String host;
    private final int requestedSmtpPort;
    private final int requestedHttpPort;
    private final Inbox inbox = new Inbox();

    private int smtpPort;
    private int httpPort;
    private @Nullable GreenMail greenMail;
    private @Nullable LoopbackHttpServer http;

    private MailServer(Builder builder) {
        this.host = builder.host;
        this.requestedSmtpPort = builder.smtpPort;
        this.requestedHttpPort = builder.httpPort;
    }

    /** A builder for a server on loopback with free ports. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts SMTP and the HTTP inbox. Does nothing if already running.
     *
     * @return this server
     * @throws IllegalStateException if a port cannot be bound
     */
    public synchronized MailServer start() {
        if (greenMail != null) {
            return this;
        }
        long started = System.nanoTime();
        if (smtpPort == 0) {
            smtpPort = Ports.resolve(host, requestedSmtpPort);
        }
        if (!Ports.isFree(host, smtpPort)) {
            throw new IllegalStateException("SMTP port " + host + ":" + smtpPort + " is already in use");
        }
        GreenMail smtp = new ImmediateRepliesGreenMail(new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP));
        smtp.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        recordDeliveries(smtp.getUserManager());
        try {
            http = LoopbackHttpServer.start(host, httpPort != 0 ? httpPort : requestedHttpPort,
                    new InboxHandlers(inbox, host + ":" + smtpPort).byPath());
        }
        catch (RuntimeException e) {
            smtp.stop();
            throw new IllegalStateException("mail inbox cannot listen on " + host + ":"
                    + (httpPort != 0 ? httpPort : requestedHttpPort) + ": " + e.getMessage(), e);
        }
        httpPort = http.port();
        greenMail = smtp;
        log.info("SMTP server ready on {}:{}, inbox on {} in {} ms", host, smtpPort, inboxUri(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return this;
    }

    /** Stops SMTP and the inbox; received messages are kept for a later start. Does nothing if not running. */
    public synchronized void stop() {
        LoopbackHttpServer runningHttp = http;
        if (runningHttp != null) {
            runningHttp.close();
            http = null;
        }
        GreenMail running = greenMail;
        if (running != null) {
            running.stop();
            greenMail = null;
            log.info("SMTP server on {}:{} stopped", host, smtpPort);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Whether SMTP and the inbox are running. */
    public synchronized boolean isRunning() {
        return greenMail != null;
    }

    /** The SMTP host (for {@code spring.mail.host}). */
    public String smtpHost() {
        return host;
    }

    /** The SMTP port (for {@code spring.mail.port}); the requested one, maybe 0, until the first start. */
    public synchronized int smtpPort() {
        return smtpPort != 0 ? smtpPort : requestedSmtpPort;
    }

    /** The inbox's HTTP port; the requested one, maybe 0, until the first start. */
    public synchronized int httpPort() {
        return httpPort != 0 ? httpPort : requestedHttpPort;
    }

    /** The inbox's base URL, e.g. {@code http://127.0.0.1:8025}. */
    public URI inboxUri() {
        return URI.create("http://" + host + ":" + httpPort());
    }

    /** Every received message, newest first. */
    public List<InboxMessage> messages() {
        return inbox.messages();
    }

    /** The received messages with {@code address} among their recipients, newest first. */
    public List<InboxMessage> messagesTo(String address) {
        return inbox.messages().stream().filter(message -> message.isAddressedTo(address)).toList();
    }

    /** One message by its inbox id. */
    public Optional<InboxMessage> message(String id) {
        return inbox.find(id);
    }

    /** Forgets every received message, as {@code DELETE /messages} does. */
    public synchronized void clear() {
        inbox.clear();
    }

    /**
     * Records each accepted message in the inbox and nowhere else: GreenMail would also file a copy into a mailbox
     * per recipient (for IMAP and POP3, which are not served here), keeping every message twice and forever.
     */
    private void recordDeliveries(UserManager users) {
        com.icegreen.greenmail.user.GreenMailUser recordedOnly = recordedOnlyUser();
        users.setMessageDeliveryHandler((message, recipient) -> {
            inbox.delivered(message);
            return recordedOnly;
        });
    }

    /** The recipient GreenMail delivers to once the inbox has the message: it files nothing. */
    private static com.icegreen.greenmail.user.GreenMailUser recordedOnlyUser() {
        return (com.icegreen.greenmail.user.GreenMailUser) java.lang.reflect.Proxy.newProxyInstance(
                MailServer.class.getClassLoader(), new Class<?>[] {com.icegreen.greenmail.user.GreenMailUser.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getEmail", "getLogin", "getQualifiedMailboxName" -> "inbox";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    case "toString" -> "the inbox";
                    default -> null;
                });
    }

    /** Settings for a {@link MailServer}. */
    public static final class Builder {

        private String host = Ports.LOOPBACK;
        private int smtpPort;
        private int httpPort;

        private Builder() {
        }

        /** The address both servers listen on; loopback by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** The SMTP port; 0, the default, picks a free one. */
        public Builder smtpPort(int smtpPort) {
            this.smtpPort = checkPort(smtpPort);
            return this;
        }

        /** The HTTP inbox port; 0, the default, picks a free one. */
        public Builder httpPort(int httpPort) {
            this.httpPort = checkPort(httpPort);
            return this;
        }

        /** A server with these settings, not yet started. */
        public MailServer build() {
            return new MailServer(this);
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            return port;
        }
    }

    /**
     * GreenMail with TCP_NODELAY on every accepted connection. GreenMail writes a multi-line reply (EHLO's) line by
     * line; with Nagle's algorithm on, each line after the first waits for the client's delayed ACK, so every new
     * SMTP connection cost ~40 ms at EHLO (measured: 45 ms per connection, 2.5 ms per message on an open one) — a
     * delay of this test server, not of an SMTP relay, that would otherwise dominate every notification benchmark.
     */
    private static final class ImmediateRepliesGreenMail extends GreenMail {

        ImmediateRepliesGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected java.util.Map<String, com.icegreen.greenmail.server.AbstractServer> createServices(
                ServerSetup[] config, com.icegreen.greenmail.Managers managers) {
            java.util.Map<String, com.icegreen.greenmail.server.AbstractServer> services = new java.util.HashMap<>();
            for (ServerSetup setup : config) {
                if (!setup.getProtocol().startsWith(ServerSetup.PROTOCOL_SMTP)) {
                    throw new IllegalArgumentException("only SMTP is served here, not " + setup.getProtocol());
                }
                services.put(setup.getProtocol(), new NoDelaySmtpServer(setup, managers));
            }
            return services;
        }
    }

    private static final class NoDelaySmtpServer extends com.icegreen.greenmail.smtp.SmtpServer {

        NoDelaySmtpServer(ServerSetup setup, com.icegreen.greenmail.Managers managers) {
            super(setup, managers);
        }

        @Override
        protected com.icegreen.greenmail.server.ProtocolHandler createProtocolHandler(java.net.Socket client) {
            try {
                client.setTcpNoDelay(true);
            }
            catch (java.net.SocketException closedAlready) {
                // the handler finds the socket closed and ends the connection as it would have
            }
            return super.createProtocolHandler(client);
        }
    }
}
