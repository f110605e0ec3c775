package org.conferenceops.session.speakers;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.conferenceops.events.session.RepresentationLevel;
import org.jspecify.annotations.Nullable;

/** The bodies of the speakers list's commands. */
final class SpeakerRequests {

    private SpeakerRequests() {
    }

    /** {@code delegationId} defaults to the focal point's own delegation; the flags default to false. */
    record Inscribe(@Size(max = 100) @Nullable String delegationId, @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 300) String title, @NotNull RepresentationLevel level, @Nullable Boolean video,
            @Nullable Boolean pledgeAnnouncement) {
    }

    record Settings(@Positive @Max(50) int inscriptionsPerDelegation) {
    }
}
