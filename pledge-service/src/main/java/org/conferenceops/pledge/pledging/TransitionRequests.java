package org.conferenceops.pledge.pledging;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.conferenceops.events.pledge.PledgeStatus;
import org.jspecify.annotations.Nullable;

/** The bodies of lifecycle commands. */
final class TransitionRequests {

    private TransitionRequests() {
    }

    /**
     * @param sessionId     the session the pledge was announced in
     * @param inscriptionId the pledge-announcement slot on its speakers list (session-service's inscription id)
     * @param speaker       instead of the inscription id: the speaker's name as on the speakers list
     */
    record Announce(@NotBlank @Size(max = 200) String sessionId, @Nullable @Size(max = 200) String inscriptionId,
            @Nullable @Size(max = 200) String speaker) {
    }

    /** @param reason why, in words fit for the member state */
    record Reason(@NotBlank @Size(max = 1000) String reason) {
    }

    /**
     * @param level               LEVEL_1, LEVEL_2, LEVEL_3 or RAPID_DEPLOYMENT (the next one)
     * @param assessmentVisitDate for LEVEL_2: when the assessment and advisory visit took place
     */
    record Readiness(@NotNull PledgeStatus level, @Nullable LocalDate assessmentVisitDate) {
    }

    /** @param mission the mission deployed to, e.g. UNMISS; absent for a fulfilled non-unit pledge */
    record Deployment(@Nullable @Size(max = 100) String mission) {
    }
}
