package org.conferenceops.pledge.tallies;

import org.conferenceops.pledge.pledging.Pledges;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HTTP adapter for live tallies: organisers only (a tally names every pledging state). */
@RestController
@PreAuthorize("hasRole('ORGANIZER')")
class TallyController {

    private final Pledges pledges;

    TallyController(Pledges pledges) {
        this.pledges = pledges;
    }

    @GetMapping("/api/conferences/{conferenceId}/tally")
    Tally tally(@PathVariable String conferenceId, @RequestParam(required = false) @Nullable String sessionId) {
        return Tally.of(conferenceId, sessionId, pledges.ofConference(conferenceId));
    }
}
