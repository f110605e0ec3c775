package org.conferenceops.localstack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties every service gets from the local stack: the contract between the launcher and the services.
 * In one JVM they are passed as command-line arguments, so that they outrank the services' own configuration files
 * exactly as they do for a child JVM.
 */
final class ServiceProperties {

    /** Request threads per service on the local stack. */
    static final int REQUEST_THREADS = 32;

    private ServiceProperties() {
    }

    static Map<String, String> of(ServiceSpec service, StackAddresses addresses, LocalStackSettings.Mode mode) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", Integer.toString(service.port()));
        properties.put("spring.kafka.bootstrap-servers", addresses.kafkaBootstrapServers());
        properties.put("spring.mongodb.uri", addresses.mongoUri());
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", addresses.jwksUri().toString());
        if (addresses.issuer() != null) {
            properties.put("conference-ops.security.issuer", addresses.issuer());
        }
        properties.put("spring.mail.host", addresses.smtpHost());
        properties.put("spring.mail.port", Integer.toString(addresses.smtpPort()));
        properties.put("conference-ops.local-stack", "true");
        properties.put("conference-ops.demo-data", "true");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.org.apache.kafka", "WARN");
        properties.put("logging.level.kafka", "WARN");
        // five web servers share the machine's cores: Tomcat's 200 request threads each only add memory (a booking
        // rush grew session-service to 200 threads, ~480 in the JVM) and lock contention; requests beyond the
        // threads wait in the connection queue as they would for a busy thread
        properties.put("server.tomcat.threads.max", Integer.toString(REQUEST_THREADS));
        properties.put("server.tomcat.threads.min-spare", "2");
        // the listen backlog: a burst of new connections (a booking rush opens 2,000 at once) beyond Tomcat's
        // default 100 had its SYNs dropped by the kernel, and clients gave up connecting (641 of 2,000 in the bench)
        properties.put("server.tomcat.accept-count", "2048");
        if (mode == LocalStackSettings.Mode.IN_PROCESS) {
            // logging is one per JVM: the launcher owns it and stops it last, not each service's context
            properties.put("logging.register-shutdown-hook", "false");
        }
        return properties;
    }

    /**
     * The properties of one component given all of them: the console is also told every service's base URL and,
     * with the dev issuer, where to get tokens for its local sign-in page.
     */
    static Map<String, String> of(ServiceSpec service, StackAddresses addresses, LocalStackSettings.Mode mode,
            java.util.List<ServiceSpec> all) {
        Map<String, String> properties = of(service, addresses, mode);
        if (ServiceSpec.CONSOLE.equals(service.name())) {
            for (ServiceSpec other : all) {
                if (other.name().endsWith("-service")) {
                    String key = other.name().substring(0, other.name().length() - "-service".length());
                    properties.put("conference-ops.console." + key + "-url", other.baseUri().toString());
                }
            }
            if (addresses.tokenUri() != null) {
                properties.put("conference-ops.console.token-issuer-url", addresses.tokenUri().toString());
            }
        }
        return properties;
    }

    static String[] asArguments(Map<String, String> properties) {
        return properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
    }
}
