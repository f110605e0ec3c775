package org.conferenceops.infra.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Response and parameter helpers for {@link com.sun.net.httpserver.HttpServer} handlers: JSON, RFC 9457 problem
 * details, HTML, and query or form parameters.
 */
public final class HttpExchanges {

    /** The JSON mapper the embedded servers write their responses with. */
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int MAX_FORM_BYTES = 64 * 1024;

    private HttpExchanges() {
    }

    /** Sends {@code body} as {@code application/json}. */
    public static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    /**
     * Sends an RFC 9457 problem ({@code application/problem+json}) with {@code type}, {@code title},
     * {@code status} and {@code detail}.
     */
    public static void sendProblem(HttpExchange exchange, int status, String type, String title, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequestURI().getPath());
        send(exchange, status, "application/problem+json", JSON.writeValueAsBytes(problem));
    }

    /** Sends a 405 problem naming the allowed methods. */
    public static void sendMethodNotAllowed(HttpExchange exchange, String... allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
        sendProblem(exchange, 405, "about:blank", "Method Not Allowed",
                exchange.getRequestMethod() + " is not supported here; use " + String.join(" or ", allowed) + ".");
    }

    /** Sends a 404 problem. */
    public static void sendNotFound(HttpExchange exchange, String detail) throws IOException {
        sendProblem(exchange, 404, "about:blank", "Not Found", detail);
    }

    /** Sends an HTML page. */
    public static void sendHtml(HttpExchange exchange, int status, String html) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a status without a body. */
    public static void sendEmpty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    public static String escapeHtml(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * The request's parameters: the query string's, then, for a form-encoded body, the form's. A name may repeat.
     */
    public static Map<String, List<String>> parameters(HttpExchange exchange) throws IOException {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        addEncoded(parameters, exchange.getRequestURI().getRawQuery());
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        boolean form = contentType == null || contentType.toLowerCase().startsWith("application/x-www-form-urlencoded");
        if (form && !"GET".equals(exchange.getRequestMethod())) {
            try (InputStream body = exchange.getRequestBody()) {
                byte[] bytes = body.readNBytes(MAX_FORM_BYTES + 1);
                if (bytes.length > MAX_FORM_BYTES) {
                    throw new IOException("form body larger than " + MAX_FORM_BYTES + " bytes");
                }
                addEncoded(parameters, new String(bytes, StandardCharsets.US_ASCII));
            }
        }
        return parameters;
    }

    /** The first value of {@code name}, or null; a blank value counts as missing. */
    public static @Nullable String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null) {
            return null;
        }
        return values.stream().filter(value -> !value.isBlank()).findFirst().orElse(null);
    }

    private static void addEncoded(Map<String, List<String>> parameters, @Nullable String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
