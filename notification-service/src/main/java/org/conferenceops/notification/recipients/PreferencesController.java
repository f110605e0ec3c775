package org.conferenceops.notification.recipients;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jakarta.validation.Valid;
import org.conferenceops.events.notification.Channel;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.NotFoundException;
import org.conferenceops.platform.problem.RuleViolationException;
import org.conferenceops.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A delegate's delivery preferences: the delegate, their focal point or an organiser may read and change them. */
@RestController
class PreferencesController {

    private final RecipientRepository recipients;

    PreferencesController(RecipientRepository recipients) {
        this.recipients = recipients;
    }

    @GetMapping("/api/delegates/{delegateId}/preferences")
    PreferencesView read(@PathVariable String delegateId, CurrentUser caller) {
        return PreferencesView.of(visible(delegateId, caller));
    }

    @PutMapping("/api/delegates/{delegateId}/preferences")
    PreferencesView change(@PathVariable String delegateId, @Valid @RequestBody PreferencesRequest request,
            CurrentUser caller) {
        Recipient recipient = visible(delegateId, caller);
        recipient.prefer(validated(request));
        return PreferencesView.of(recipients.save(recipient));
    }

    private Recipient visible(String delegateId, CurrentUser caller) {
        return recipients.findById(delegateId)
                .filter(r -> !r.erased() && caller.mayActForDelegate(r.delegateId(), r.delegationId()))
                .orElseThrow(() -> new NotFoundException("delegate", delegateId));
    }

    private static Preferences validated(PreferencesRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (int i = 0; i < request.channels().size(); i++) {
            String name = request.channels().get(i);
            Channel channel = Preferences.DELEGATE_CHANNELS.stream().filter(c -> c.name().equalsIgnoreCase(name))
                    .findFirst().orElse(null);
            if (channel == null) {
                violations.add(new FieldViolation("channels[" + i + "]", "unsupported-channel",
                        "a delegate may choose EMAIL, FEED or SMS"));
            }
            else {
                channels.add(channel);
            }
        }
        if (channels.contains(Channel.SMS) && request.phone() == null) {
            violations.add(new FieldViolation("phone", "phone-required-for-sms", "SMS needs a phone number"));
        }
        UnLanguage language = null;
        if (request.language() != null) {
            language = UnLanguage.ofCode(request.language());
            if (language == UnLanguage.UNKNOWN) {
                violations.add(new FieldViolation("language", "not-a-un-language",
                        "must be one of ar, zh, en, fr, ru, es"));
            }
        }
        if (request.timeZone() != null) {
            try {
                ZoneId.of(request.timeZone());
            }
            catch (DateTimeException e) {
                violations.add(new FieldViolation("timeZone", "unknown-time-zone",
                        "must be an IANA time zone such as Africa/Accra"));
            }
        }
        QuietHours quiet = null;
        if (request.quietHours() != null) {
            quiet = new QuietHours(LocalTime.parse(request.quietHours().from()),
                    LocalTime.parse(request.quietHours().to()));
            if (quiet.from().equals(quiet.to())) {
                violations.add(new FieldViolation("quietHours", "empty-window", "from and to must differ"));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException("invalid-preferences", "The preferences cannot be applied.", violations);
        }
        return new Preferences(channels, language, request.timeZone(), quiet, request.phone());
    }
}
