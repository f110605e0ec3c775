package org.conferenceops.localstack;

import java.net.URI;

/**
 * One of the four services, or the console, as the local stack runs it.
 *
 * @param name the service name, also its {@code spring.application.name}, e.g. {@code registration-service}
 * @param module the Maven module (directory) holding its {@code target/*-exec.jar}
 * @param mainClass its {@code @SpringBootApplication} class
 * @param portVariable the environment variable that sets its HTTP port
 * @param port its HTTP port on loopback
 */
public record ServiceSpec(String name, String module, String mainClass, String portVariable, int port) {

    /** The name of the console, the one component that is told where the services are. */
    public static final String CONSOLE = "console";

    /** The service's base URL, e.g. {@code http://127.0.0.1:8081}. */
    public URI baseUri() {
        return URI.create("http://" + LocalStackSettings.HOST + ":" + port);
    }

    /** The readiness probe the stack waits for. */
    public URI readinessUri() {
        return baseUri().resolve("/actuator/health/readiness");
    }
}
