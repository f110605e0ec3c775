package org.conferenceops.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Loopback port helpers shared by the embedded servers: choosing a free port for "port 0" and checking whether a
 * port can still be bound.
 */
public final class Ports {

    /** The only address the embedded servers listen on unless told otherwise. */
    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /**
     * Returns {@code port} itself, or a currently free port on {@code host} when {@code port} is 0. Servers that
     * must know their port before they bind (the Kafka controller quorum, a restart on the same port) use this
     * instead of letting the operating system choose at bind time.
     */
    public static int resolve(String host, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + host, e);
        }
    }

    /** Whether a server socket could bind {@code host:port} right now. */
    public static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }
}
