package org.conferenceops.notification.recipients;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.platform.messaging.AppliedEvents;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Many registered delegates at once, stored straight into the read model (as their registration events would leave
 * them, without the confirmation e-mails): the audience of a large fan-out in a test.
 */
public final class TestRecipients {

    private TestRecipients() {
    }

    /**
     * Stores {@code count} delegates of one delegation, e-mail only, languages cycling through the six UN ones.
     *
     * @return their ids, in order; each one's address is {@code <id>@example.org}
     */
    public static List<String> register(MongoTemplate mongo, String conferenceId, int count) {
        String delegation = conferenceId + "-" + UUID.randomUUID();
        UnLanguage[] languages = {UnLanguage.ENGLISH, UnLanguage.FRENCH, UnLanguage.SPANISH, UnLanguage.RUSSIAN,
            UnLanguage.CHINESE, UnLanguage.ARABIC};
        List<Recipient> recipients = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = "dlg-" + i + "-" + UUID.randomUUID();
            Recipient recipient = Recipient.unknown(id);
            recipient.registered(conferenceId, delegation, "Delegate", "No. " + i, id + "@example.org",
                    languages[i % languages.length], AppliedEvents.none());
            recipients.add(recipient);
        }
        mongo.insert(recipients, Recipient.class);
        return recipients.stream().map(Recipient::delegateId).toList();
    }
}
