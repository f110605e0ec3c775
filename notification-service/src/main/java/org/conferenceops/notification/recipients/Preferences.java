package org.conferenceops.notification.recipients;

import java.util.List;
import java.util.Set;
import org.conferenceops.events.notification.Channel;
import org.conferenceops.events.shared.UnLanguage;
import org.jspecify.annotations.Nullable;

/**
 * How a delegate wants to be told. Personal data (the phone number) is erased with the recipient.
 *
 * @param channels   the channels to use (EMAIL, FEED, SMS); never empty
 * @param language   overrides the language given at registration; null to keep it
 * @param timeZone   overrides the IANA zone given at registration; null to keep it
 * @param quietHours when non-urgent messages wait; null for none
 * @param phone      E.164 number for SMS; null when none
 */
public record Preferences(Set<Channel> channels, @Nullable UnLanguage language, @Nullable String timeZone,
        @Nullable QuietHours quietHours, @Nullable String phone) {

    /** Channels a delegate may choose. */
    public static final List<Channel> DELEGATE_CHANNELS = List.of(Channel.EMAIL, Channel.FEED, Channel.SMS);

    public Preferences {
        channels = Set.copyOf(channels);
    }

    /** E-mail and the live feed, the registered language and zone, no quiet hours. */
    public static Preferences defaults() {
        return new Preferences(Set.of(Channel.EMAIL, Channel.FEED), null, null, null, null);
    }
}
