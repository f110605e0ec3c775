package org.conferenceops.notification.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import io.micrometer.core.instrument.MeterRegistry;
import org.conferenceops.events.shared.UnLanguage;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders a message kind (e.g. {@code registration-confirmation}) in a recipient's language from
 * {@code notifications/<kind>.<language>.properties}. A missing translation falls back to English, and the
 * fallback is visible: marked on the rendered message (and so in the delivery log) and counted in
 * {@code notifications.language.fallback}.
 */
@Component
public class MessageTemplates {

    private final Map<String, Optional<Properties>> cache = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    public MessageTemplates(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Renders the kind in the language, substituting {@code {name}}-style placeholders (values are escaped in HTML). */
    public RenderedMessage render(String kind, UnLanguage language, Map<String, String> values) {
        Optional<Properties> wanted = language == UnLanguage.UNKNOWN ? Optional.empty() : load(kind, language);
        boolean fallback = wanted.isEmpty();
        UnLanguage used = fallback ? UnLanguage.ENGLISH : language;
        Properties template = wanted.or(() -> load(kind, UnLanguage.ENGLISH))
                .orElseThrow(() -> new IllegalStateException("no English template for " + kind));
        if (fallback) {
            meters.counter("notifications.language.fallback", "kind", kind, "wanted", language.code()).increment();
        }
        String subject = fill(template.getProperty("subject", ""), values, false);
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"").append(used.code()).append("\" dir=\"")
                .append(used.rightToLeft() ? "rtl" : "ltr").append("\"><head><meta charset=\"utf-8\"><title>")
                .append(HtmlUtils.htmlEscape(subject)).append("</title></head><body style=\"font-family:sans-serif\">");
        for (String part : new String[] {"greeting", "body", "reference"}) {
            String line = template.getProperty(part);
            if (line == null) {
                continue;
            }
            text.append(fill(line, values, false)).append("\n\n");
            html.append("<p>").append(fill(HtmlUtils.htmlEscape(line), values, true)).append("</p>");
        }
        html.append("</body></html>");
        return new RenderedMessage(used, fallback, subject, text.toString().strip() + "\n", html.toString());
    }

    /**
     * One phrase from {@code notifications/<file>.<language>.properties} (English when the language has none),
     * placeholders filled: the pieces a feature assembles into a value per recipient, e.g. one line per change.
     */
    public String phrase(String file, UnLanguage language, String key, Map<String, String> values) {
        String phrase = (language == UnLanguage.UNKNOWN ? Optional.<Properties>empty() : load(file, language))
                .map(p -> p.getProperty(key)).orElse(null);
        if (phrase == null) {
            phrase = load(file, UnLanguage.ENGLISH).map(p -> p.getProperty(key))
                    .orElseThrow(() -> new IllegalStateException("no English phrase " + key + " in " + file));
        }
        return fill(phrase, values, false);
    }

    private Optional<Properties> load(String kind, UnLanguage language) {
        return cache.computeIfAbsent(kind + "." + language.code(), key -> {
            try (InputStream in = MessageTemplates.class.getResourceAsStream("/notifications/" + key + ".properties")) {
                if (in == null) {
                    return Optional.empty();
                }
                Properties properties = new Properties();
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                return Optional.of(properties);
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read template " + key, e);
            }
        });
    }

    private static String fill(String template, Map<String, String> values, boolean escape) {
        String result = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            // a value of several lines (a list of changes) keeps its lines in HTML
            String replacement = escape ? HtmlUtils.htmlEscape(value.getValue()).replace("\n", "<br>")
                    : value.getValue();
            result = result.replace("{" + value.getKey() + "}", replacement);
        }
        return result;
    }
}
