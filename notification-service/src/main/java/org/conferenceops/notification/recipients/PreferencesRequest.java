package org.conferenceops.notification.recipients;

import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A delegate's delivery preferences as sent by a client.
 *
 * @param channels   EMAIL, FEED and/or SMS
 * @param language   ISO 639-1 code of a UN language, or null to keep the registered one
 * @param timeZone   IANA zone, or null to keep the registered one
 * @param quietHours local window in which non-urgent messages wait, or null
 * @param phone      E.164 number, required for SMS
 */
record PreferencesRequest(@NotEmpty List<String> channels, @Nullable String language, @Nullable String timeZone,
        @Valid @Nullable QuietHoursRequest quietHours,
        @Nullable @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +233201234567") String phone) {

    /**
     * @param from start, {@code HH:mm}
     * @param to   end, {@code HH:mm}
     */
    record QuietHoursRequest(@Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be HH:mm") String from,
            @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be HH:mm") String to) {
    }
}
