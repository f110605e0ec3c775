package org.conferenceops.notification.rules;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per message kind: whether the rule is on, whether it bypasses quiet hours, and who besides the delegate is told.
 * Every kind the service sends has a rule, the session kinds included ({@code session-rescheduled},
 * {@code session-moved}, {@code session-mode-changed}, {@code session-capacity-changed} for the changes coalesced
 * into one message, {@code session-cancelled}, {@code seat-confirmed}, {@code seat-waitlisted},
 * {@code seat-promoted}, {@code session-reminder}). A kind not listed uses {@link Rule#DEFAULT}.
 *
 * @param rules settings by kind, e.g. {@code accreditation-granted}
 */
@ConfigurationProperties("conference-ops.notifications")
public record RuleSettings(@DefaultValue Map<String, Rule> rules) {

    /** The rule of a kind, or {@link Rule#DEFAULT} when none is configured. */
    public Rule rule(String kind) {
        return rules.getOrDefault(kind, Rule.DEFAULT);
    }

    /**
     * @param enabled    false to send nothing of this kind (a disabled session change is left out of the coalesced
     *                   message; the schedule is still kept)
     * @param urgent     true to bypass quiet hours (session messages are also urgent when the session starts soon)
     * @param focalPoint true to tell the delegation's focal point as well as the delegate (delegate rules)
     * @param waitlisted true to tell delegates waiting for a place as well as those holding one (session rules)
     */
    public record Rule(@DefaultValue("true") boolean enabled, @DefaultValue("false") boolean urgent,
            @DefaultValue("true") boolean focalPoint, @DefaultValue("true") boolean waitlisted) {

        public static final Rule DEFAULT = new Rule(true, false, true, true);
    }
}
