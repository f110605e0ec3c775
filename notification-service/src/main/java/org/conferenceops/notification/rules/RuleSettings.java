package org.conferenceops.notification.rules;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per message kind: whether the rule is on, whether it bypasses quiet hours, and whether the delegation's focal
 * point is told too. A kind not listed uses {@link Rule#DEFAULT}.
 *
 * @param rules settings by kind, e.g. {@code accreditation-granted}
 */
@ConfigurationProperties("conference-ops.notifications")
record RuleSettings(@DefaultValue Map<String, Rule> rules) {

    Rule rule(String kind) {
        return rules.getOrDefault(kind, Rule.DEFAULT);
    }

    /**
     * @param enabled    false to send nothing of this kind
     * @param urgent     true to bypass quiet hours
     * @param focalPoint true to tell the delegation's focal point as well as the delegate
     */
    record Rule(@DefaultValue("true") boolean enabled, @DefaultValue("false") boolean urgent,
            @DefaultValue("true") boolean focalPoint) {

        static final Rule DEFAULT = new Rule(true, false, true);
    }
}
