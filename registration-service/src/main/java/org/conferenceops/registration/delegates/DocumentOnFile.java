package org.conferenceops.registration.delegates;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Metadata of an accreditation document held on paper or in the organisers' document system; the file itself is not
 * stored here.
 *
 * @param kind       Note Verbale (governments) or nomination letter (other bodies)
 * @param reference  the document's reference, e.g. the Note Verbale number
 * @param fileName   the name of the scanned file, when there is one
 * @param receivedAt when the organisers received it
 */
public record DocumentOnFile(Kind kind, String reference, @Nullable String fileName, Instant receivedAt) {

    /** The accepted accreditation documents. */
    public enum Kind {
        NOTE_VERBALE, NOMINATION_LETTER
    }
}
