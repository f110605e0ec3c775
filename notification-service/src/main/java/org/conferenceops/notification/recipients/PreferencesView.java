package org.conferenceops.notification.recipients;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A delegate's preferences and what they resolve to (the phone number is masked). */
record PreferencesView(String delegateId, List<String> channels, @Nullable String language, @Nullable String timeZone,
        @Nullable String quietFrom, @Nullable String quietTo, @Nullable String phone, String effectiveLanguage,
        String effectiveTimeZone) {

    static PreferencesView of(Recipient recipient) {
        Preferences p = recipient.preferences();
        String phone = p.phone() == null ? null : "…" + p.phone().substring(Math.max(0, p.phone().length() - 3));
        return new PreferencesView(recipient.delegateId(),
                p.channels().stream().map(Enum::name).sorted().toList(),
                p.language() == null ? null : p.language().code(), p.timeZone(),
                p.quietHours() == null ? null : p.quietHours().from().toString(),
                p.quietHours() == null ? null : p.quietHours().to().toString(), phone,
                recipient.effectiveLanguage().code(), recipient.effectiveZone().getId());
    }
}
