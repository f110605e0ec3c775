package org.conferenceops.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Free ports for the tests' services, all different: every socket is held open until all are chosen. */
final class FreePorts {

    private FreePorts() {
    }

    /**
     * One free port per variable name, no two alike. Opening and closing a socket per port, as before, let the
     * system hand the same port out twice (CI: SESSION_PORT and CONSOLE_PORT both 41647).
     */
    static Map<String, String> forVariables(List<String> variables) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            Map<String, String> ports = new HashMap<>();
            for (String variable : variables) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports.put(variable, Integer.toString(socket.getLocalPort()));
            }
            return ports;
        }
        finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }
}
