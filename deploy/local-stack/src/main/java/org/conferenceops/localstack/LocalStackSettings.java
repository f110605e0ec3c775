package org.conferenceops.localstack;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.conferenceops.infra.Ports;
import org.jspecify.annotations.Nullable;

/**
 * Everything the local stack is told by its command line and environment, checked once at start.
 *
 * <p>A component whose address is given from outside (for example {@code KAFKA_BOOTSTRAP_SERVERS}) is used as is
 * and not started; every other component is started embedded on loopback at its port variable's value.
 *
 * @param dataDir where Kafka's log directory, the MongoDB H2 file, the issuer key, logs and {@code stack.json} live
 *     ({@code CONFERENCE_OPS_DATA} or {@code --data-dir=})
 * @param homeDir the repository root, where separate processes find {@code <module>/target/*-exec.jar}
 *     ({@code CONFERENCE_OPS_HOME}; the working directory by default)
 * @param mode in one JVM (default) or one child JVM per service ({@code --separate-processes} or
 *     {@code CONFERENCE_OPS_MODE=processes})
 * @param kafkaBootstrapServers external Kafka ({@code KAFKA_BOOTSTRAP_SERVERS}), or null to embed one
 * @param kafkaPort the embedded broker's client port ({@code KAFKA_PORT}, 19092)
 * @param kafkaControllerPort the embedded broker's controller port ({@code KAFKA_CONTROLLER_PORT}, 19093)
 * @param mongoUri external MongoDB ({@code MONGODB_URI}), or null to embed one
 * @param mongoPort the embedded MongoDB port ({@code MONGO_PORT}, 27018)
 * @param smtpHost external SMTP host ({@code SMTP_HOST}, then {@code SMTP_PORT} is required), or null to embed one
 * @param smtpPort the SMTP port, embedded or external ({@code SMTP_PORT}, 3025)
 * @param mailUiPort the embedded inbox's HTTP port ({@code MAIL_UI_PORT}, 8025)
 * @param oidcJwksUri an external issuer's JWKS ({@code OIDC_JWKS_URI}), or null to run the dev issuer
 * @param oidcIssuerUri the external issuer's {@code iss} ({@code OIDC_ISSUER_URI}), if known
 * @param issuerPort the dev issuer's port ({@code ISSUER_PORT}, 8090)
 * @param services the four services with their ports ({@code REGISTRATION_PORT} 8081 … {@code NOTIFICATION_PORT} 8084),
 *     then the console ({@code CONSOLE_PORT} 8080), started last because it calls the others
 */
public record LocalStackSettings(
        Path dataDir,
        Path homeDir,
        Mode mode,
        @Nullable String kafkaBootstrapServers,
        int kafkaPort,
        int kafkaControllerPort,
        @Nullable String mongoUri,
        int mongoPort,
        @Nullable String smtpHost,
        int smtpPort,
        int mailUiPort,
        @Nullable URI oidcJwksUri,
        @Nullable URI oidcIssuerUri,
        int issuerPort,
        List<ServiceSpec> services) {

    /** Every embedded server and service listens here. */
    public static final String HOST = Ports.LOOPBACK;

    /** How the services run. */
    public enum Mode {

        /** Sibling Spring contexts in the launcher's JVM. */
        IN_PROCESS,

        /** One child JVM per service, started from its executable jar. */
        PROCESSES
    }

    /** A port the stack is about to bind, with the variable that moves it. */
    public record PortClaim(int port, String variable, String purpose) {
    }

    /** Copies the service list. */
    public LocalStackSettings {
        services = List.copyOf(services);
    }

    /** The command-line help. */
    public static String usage() {
        return """
                usage: local-stack [--separate-processes] [--data-dir=DIR]
                  --separate-processes  run each service as a child JVM (also CONFERENCE_OPS_MODE=processes)
                  --data-dir=DIR        where data, logs and stack.json live (also CONFERENCE_OPS_DATA)
                environment: KAFKA_BOOTSTRAP_SERVERS, MONGODB_URI, SMTP_HOST+SMTP_PORT, OIDC_JWKS_URI[, OIDC_ISSUER_URI]
                  use external components; KAFKA_PORT, KAFKA_CONTROLLER_PORT, MONGO_PORT, SMTP_PORT, MAIL_UI_PORT,
                  ISSUER_PORT, REGISTRATION_PORT, SESSION_PORT, PLEDGE_PORT, NOTIFICATION_PORT, CONSOLE_PORT move ports""";
    }

    /**
     * Reads the settings.
     *
     * @param args the launcher's arguments
     * @param env the environment
     * @param workingDir the directory relative paths and defaults are resolved against
     * @throws SettingsException for an unknown argument or a malformed value
     */
    public static LocalStackSettings parse(List<String> args, Map<String, String> env, Path workingDir) {
        Map<String, String> values = new HashMap<>();
        env.forEach((name, value) -> {
            if (!value.isBlank()) {
                values.put(name, value.strip());
            }
        });
        Mode mode = parseMode(values.get("CONFERENCE_OPS_MODE"));
        String dataDir = values.get("CONFERENCE_OPS_DATA");
        for (String arg : args) {
            if (arg.equals("--separate-processes")) {
                mode = Mode.PROCESSES;
            }
            else if (arg.equals("--in-process")) {
                mode = Mode.IN_PROCESS;
            }
            else if (arg.startsWith("--data-dir=") && arg.length() > "--data-dir=".length()) {
                dataDir = arg.substring("--data-dir=".length());
            }
            else {
                throw new SettingsException("unknown argument '" + arg + "'; try --help");
            }
        }
        Path home = workingDir.resolve(values.getOrDefault("CONFERENCE_OPS_HOME", ".")).toAbsolutePath().normalize();
        Path data = dataDir != null
                ? workingDir.resolve(dataDir).toAbsolutePath().normalize()
                : home.resolve(".conference-ops/data");

        String smtpHost = values.get("SMTP_HOST");
        if (smtpHost != null && !values.containsKey("SMTP_PORT")) {
            throw new SettingsException("SMTP_HOST is set, so SMTP_PORT must be set too");
        }
        String mongoUri = values.get("MONGODB_URI");
        if (mongoUri != null && !mongoUri.startsWith("mongodb://") && !mongoUri.startsWith("mongodb+srv://")) {
            throw new SettingsException("MONGODB_URI must start with mongodb:// or mongodb+srv://: " + mongoUri);
        }
        List<ServiceSpec> services = List.of(
                new ServiceSpec("registration-service", "registration-service",
                        "org.conferenceops.registration.RegistrationApplication", "REGISTRATION_PORT",
                        port(values, "REGISTRATION_PORT", 8081)),
                new ServiceSpec("session-service", "session-service",
                        "org.conferenceops.session.SessionApplication", "SESSION_PORT",
                        port(values, "SESSION_PORT", 8082)),
                new ServiceSpec("pledge-service", "pledge-service",
                        "org.conferenceops.pledge.PledgeApplication", "PLEDGE_PORT",
                        port(values, "PLEDGE_PORT", 8083)),
                new ServiceSpec("notification-service", "notification-service",
                        "org.conferenceops.notification.NotificationApplication", "NOTIFICATION_PORT",
                        port(values, "NOTIFICATION_PORT", 8084)),
                new ServiceSpec(ServiceSpec.CONSOLE, "console", "org.conferenceops.console.ConsoleApplication",
                        "CONSOLE_PORT", port(values, "CONSOLE_PORT", 8080)));

        LocalStackSettings settings = new LocalStackSettings(
                data,
                home,
                mode,
                values.get("KAFKA_BOOTSTRAP_SERVERS"),
                port(values, "KAFKA_PORT", 19092),
                port(values, "KAFKA_CONTROLLER_PORT", 19093),
                mongoUri,
                port(values, "MONGO_PORT", 27018),
                smtpHost,
                port(values, "SMTP_PORT", 3025),
                port(values, "MAIL_UI_PORT", 8025),
                uri(values, "OIDC_JWKS_URI"),
                uri(values, "OIDC_ISSUER_URI"),
                port(values, "ISSUER_PORT", 8090),
                services);
        settings.checkNoPortTwice();
        return settings;
    }

    /** Whether Kafka is started embedded. */
    public boolean embeddedKafka() {
        return kafkaBootstrapServers == null;
    }

    /** Whether MongoDB is started embedded. */
    public boolean embeddedMongo() {
        return mongoUri == null;
    }

    /** Whether SMTP and the inbox are started embedded. */
    public boolean embeddedMail() {
        return smtpHost == null;
    }

    /** Whether the dev token issuer is started. */
    public boolean embeddedIssuer() {
        return oidcJwksUri == null;
    }

    /** The ports this stack binds on loopback, in start order. */
    public List<PortClaim> portClaims() {
        List<PortClaim> claims = new ArrayList<>();
        if (embeddedKafka()) {
            claims.add(new PortClaim(kafkaPort, "KAFKA_PORT", "Kafka broker"));
            claims.add(new PortClaim(kafkaControllerPort, "KAFKA_CONTROLLER_PORT", "Kafka controller"));
        }
        if (embeddedMongo()) {
            claims.add(new PortClaim(mongoPort, "MONGO_PORT", "MongoDB"));
        }
        if (embeddedMail()) {
            claims.add(new PortClaim(smtpPort, "SMTP_PORT", "SMTP"));
            claims.add(new PortClaim(mailUiPort, "MAIL_UI_PORT", "mail inbox"));
        }
        if (embeddedIssuer()) {
            claims.add(new PortClaim(issuerPort, "ISSUER_PORT", "token issuer"));
        }
        for (ServiceSpec service : services) {
            claims.add(new PortClaim(service.port(), service.portVariable(), service.name()));
        }
        return claims;
    }

    /**
     * Fails on the first port another process is already listening on.
     *
     * @throws SettingsException naming the port, its purpose and the variable to change
     */
    public void checkPortsFree() {
        for (PortClaim claim : portClaims()) {
            if (!Ports.isFree(HOST, claim.port())) {
                throw new SettingsException("port " + claim.port() + " (" + claim.purpose() + ") is already in use on "
                        + HOST + "; set " + claim.variable() + " to a free port");
            }
        }
    }

    private void checkNoPortTwice() {
        Map<Integer, PortClaim> byPort = new HashMap<>();
        for (PortClaim claim : portClaims()) {
            PortClaim earlier = byPort.putIfAbsent(claim.port(), claim);
            if (earlier != null) {
                throw new SettingsException(earlier.variable() + " and " + claim.variable() + " are both " + claim.port()
                        + "; set one of them to another port");
            }
        }
    }

    private static Mode parseMode(@Nullable String value) {
        if (value == null) {
            return Mode.IN_PROCESS;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "processes", "separate-processes" -> Mode.PROCESSES;
            case "in-process", "single-jvm" -> Mode.IN_PROCESS;
            default -> throw new SettingsException("CONFERENCE_OPS_MODE must be in-process or processes, not '" + value + "'");
        };
    }

    private static int port(Map<String, String> values, String variable, int defaultPort) {
        String value = values.get(variable);
        if (value == null) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        }
        catch (NumberFormatException e) {
            // reported below with the variable's name
        }
        throw new SettingsException(variable + " must be a port number from 1 to 65535, not '" + value + "'");
    }

    private static @Nullable URI uri(Map<String, String> values, String variable) {
        String value = values.get(variable);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
                throw new SettingsException(variable + " must be an http(s) URL: " + value);
            }
            return uri;
        }
        catch (URISyntaxException e) {
            throw new SettingsException(variable + " is not a valid URL: " + value);
        }
    }
}
