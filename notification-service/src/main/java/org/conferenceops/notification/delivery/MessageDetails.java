package org.conferenceops.notification.delivery;

import java.util.List;
import java.util.Map;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.notification.templates.RenderedMessage;

/**
 * Adds to a message what depends on its recipient and cannot be fixed when the fan-out starts: values written in the
 * recipient's language and time zone (dates, lists of changes), and files to attach. A feature that owns message
 * kinds needing this provides one.
 */
public interface MessageDetails {

    /** Whether this provides details for the kind. */
    boolean covers(String kind);

    /**
     * Values to add to (or replace in) the template values.
     *
     * @param values   the job's values and the route's (name, zone)
     * @param route    who receives it, in which language and zone
     * @param language the language the message is written in
     */
    Map<String, String> values(String kind, Map<String, String> values, Route route, UnLanguage language);

    /** Files to send along (e-mail only); none by default. */
    default List<RenderedMessage.Attachment> attachments(String kind, Map<String, String> values, Route route) {
        return List.of();
    }
}
