package org.conferenceops.localstack;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The box printed once the stack is up: every address, the start time and commands to paste. */
final class Summary {

    // an empty line in the list becomes a horizontal rule
    private static final String SEPARATOR = "";

    private Summary() {
    }

    static String render(LocalStackSettings settings, StackAddresses addresses, Duration total, long pid) {
        List<String> lines = new ArrayList<>();
        lines.add("Conference Ops local stack is up in " + Progress.seconds(total) + " ("
                + (settings.mode() == LocalStackSettings.Mode.IN_PROCESS ? "one JVM" : "one JVM per service")
                + ", pid " + pid + ")");
        lines.add(SEPARATOR);
        for (ServiceSpec service : settings.services()) {
            URI base = service.baseUri();
            if (ServiceSpec.CONSOLE.equals(service.name())) {
                lines.add(String.format("%-21s %s", "console (web UI)", base.resolve("/signin")));
                continue;
            }
            lines.add(String.format("%-21s %s", service.name(), base));
            lines.add("  swagger ui          " + base.resolve("/swagger-ui.html"));
            lines.add("  health              " + base.resolve("/actuator/health"));
            lines.add("  prometheus          " + base.resolve("/actuator/prometheus"));
        }
        lines.add(SEPARATOR);
        lines.add("Kafka bootstrap       " + addresses.kafkaBootstrapServers()
                + (settings.embeddedKafka() ? "" : "  (external)"));
        lines.add("MongoDB               " + maskPassword(addresses.mongoUri())
                + (settings.embeddedMongo() ? "  (H2 file " + settings.dataDir().resolve("mongo.mv") + ")" : "  (external)"));
        lines.add("SMTP                  " + addresses.smtpHost() + ":" + addresses.smtpPort()
                + (settings.embeddedMail() ? "" : "  (external)"));
        if (addresses.inboxUri() != null) {
            lines.add("Mail inbox            " + addresses.inboxUri() + "   (JSON: " + addresses.inboxUri() + "/messages)");
        }
        lines.add("Issuer JWKS           " + addresses.jwksUri() + (settings.embeddedIssuer() ? "" : "  (external)"));
        lines.add(SEPARATOR);
        URI registration = settings.services().getFirst().baseUri();
        if (settings.embeddedIssuer()) {
            lines.add("Try: register a delegate as Korea's focal point; the confirmation e-mail arrives in Chinese");
            lines.add("  TOKEN=$(./conference-ops token --role FOCAL_POINT --delegation seoul-2021-KOR)");
            lines.add("  curl -X POST -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\");
            lines.add("    -d '{\"givenName\":\"Min-jun\",\"familyName\":\"Kim\",\"email\":\"min-jun.kim@example.org\",\"preferredLanguage\":\"zh\"}' \\");
            lines.add("    " + registration.resolve("/api/conferences/seoul-2021/delegations/seoul-2021-KOR/delegates"));
        }
        else {
            lines.add("Try (tokens come from the external issuer at " + addresses.jwksUri() + "):");
        }
        if (addresses.inboxUri() != null) {
            lines.add("  curl " + addresses.inboxUri() + "/messages");
        }
        lines.add("  ./conference-ops status");
        lines.add("Logs: warnings here, everything in " + settings.dataDir().resolve("logs/local-stack.log"));
        lines.add("Ctrl-C (or ./conference-ops stop) stops everything; data stays in " + settings.dataDir());
        return box(lines);
    }

    /** The URI with any password replaced by {@code ****}. */
    static String maskPassword(String uri) {
        return uri.replaceFirst("^(mongodb(?:\\+srv)?://[^:/@]+):[^@/]*@", "$1:****@");
    }

    private static String box(List<String> lines) {
        int width = lines.stream().mapToInt(String::length).max().orElse(0);
        String rule = "+" + "-".repeat(width + 2) + "+";
        StringBuilder box = new StringBuilder().append(rule).append('\n');
        for (String line : lines) {
            if (line.isEmpty()) {
                box.append(rule).append('\n');
            }
            else {
                box.append("| ").append(line).append(" ".repeat(width - line.length())).append(" |\n");
            }
        }
        return box.append(rule).toString();
    }
}
