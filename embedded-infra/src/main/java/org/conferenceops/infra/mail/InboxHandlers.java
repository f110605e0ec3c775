package org.conferenceops.infra.mail;

import static org.conferenceops.infra.http.HttpExchanges.escapeHtml;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conferenceops.infra.http.HttpExchanges;
import org.jspecify.annotations.Nullable;

/** The inbox's HTTP endpoints: the JSON API under {@code /messages} and the HTML page at {@code /}. */
final class InboxHandlers {

    private final Inbox inbox;
    private final String smtpAddress;

    InboxHandlers(Inbox inbox, String smtpAddress) {
        this.inbox = inbox;
        this.smtpAddress = smtpAddress;
    }

    Map<String, HttpHandler> byPath() {
        return Map.of("/messages", this::messages, "/", this::page);
    }

    private void messages(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/messages") || path.equals("/messages/")) {
            switch (method) {
                case "GET" -> {
                    String to = HttpExchanges.first(HttpExchanges.parameters(exchange), "to");
                    HttpExchanges.sendJson(exchange, 200, filtered(to));
                }
                case "DELETE" -> {
                    inbox.clear();
                    HttpExchanges.sendEmpty(exchange, 204);
                }
                default -> HttpExchanges.sendMethodNotAllowed(exchange, "GET", "DELETE");
            }
            return;
        }
        String id = path.substring("/messages/".length());
        if (!"GET".equals(method)) {
            HttpExchanges.sendMethodNotAllowed(exchange, "GET");
            return;
        }
        Optional<InboxMessage> message = inbox.find(id);
        if (message.isPresent()) {
            HttpExchanges.sendJson(exchange, 200, message.get());
        }
        else {
            HttpExchanges.sendNotFound(exchange, "No message with id " + id + " in the inbox.");
        }
    }

    private List<InboxMessage> filtered(@Nullable String to) {
        List<InboxMessage> all = inbox.messages();
        return to == null ? all : all.stream().filter(message -> message.isAddressedTo(to)).toList();
    }

    private void page(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            HttpExchanges.sendNotFound(exchange, "Try / or /messages.");
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            HttpExchanges.sendMethodNotAllowed(exchange, "GET");
            return;
        }
        String to = HttpExchanges.first(HttpExchanges.parameters(exchange), "to");
        List<InboxMessage> messages = filtered(to);
        StringBuilder html = new StringBuilder(4096);
        html.append("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Conference Ops inbox</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
                table{border-collapse:collapse;width:100%}
                th,td{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}
                pre{white-space:pre-wrap;margin:.3rem 0;background:#f6f6f6;padding:.5rem}
                details summary{cursor:pointer}
                </style></head><body>
                """);
        html.append("<h1>Inbox</h1><p>")
                .append(messages.size())
                .append(" message(s) received by SMTP on ")
                .append(escapeHtml(smtpAddress))
                .append(to == null ? "" : ", to " + escapeHtml(to))
                .append(". JSON: <a href=\"/messages\">/messages</a>. Newest first.</p>\n");
        html.append("<table><thead><tr><th>#</th><th>Date</th><th>From</th><th>To</th><th>Subject</th>"
                + "<th>Lang</th></tr></thead><tbody>\n");
        for (InboxMessage message : messages) {
            html.append("<tr><td><a href=\"/messages/").append(escapeHtml(message.id())).append("\">")
                    .append(escapeHtml(message.id())).append("</a></td><td>")
                    .append(escapeHtml(message.date())).append("</td><td>")
                    .append(escapeHtml(message.from())).append("</td><td>")
                    .append(escapeHtml(String.join(", ", message.to()))).append("</td><td>")
                    .append("<details><summary>").append(escapeHtml(message.subject())).append("</summary>");
            if (message.textBody() != null) {
                html.append("<pre>").append(escapeHtml(message.textBody())).append("</pre>");
            }
            if (message.htmlBody() != null) {
                html.append("<p>HTML part (source):</p><pre>").append(escapeHtml(message.htmlBody())).append("</pre>");
            }
            html.append("</details></td><td>").append(escapeHtml(message.language())).append("</td></tr>\n");
        }
        html.append("</tbody></table></body></html>\n");
        HttpExchanges.sendHtml(exchange, 200, html.toString());
    }
}
