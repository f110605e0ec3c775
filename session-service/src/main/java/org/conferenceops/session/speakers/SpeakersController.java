package org.conferenceops.session.speakers;

import jakarta.validation.Valid;
import java.net.URI;
import org.conferenceops.platform.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** HTTP adapter of speakers lists. */
@RestController
class SpeakersController {

    private final SpeakersLists speakers;

    SpeakersController(SpeakersLists speakers) {
        this.speakers = speakers;
    }

    /** 201 with the speaker and their current position; 409 when the delegation has its inscription already. */
    @PostMapping("/api/sessions/{sessionId}/speakers")
    ResponseEntity<SpeakerViews.SpeakerView> inscribe(CurrentUser caller, @PathVariable String sessionId,
            @Valid @RequestBody SpeakerRequests.Inscribe request) {
        Inscription inscription = speakers.inscribe(caller, sessionId, request);
        SpeakerViews.SpeakerView view = SpeakerViews.SpeakersListView.of(speakers.of(sessionId)).speakers().stream()
                .filter(s -> s.inscriptionId().equals(inscription.id())).findFirst()
                .orElseGet(() -> SpeakerViews.SpeakerView.of(0, inscription));
        return ResponseEntity.created(URI.create("/api/sessions/" + sessionId + "/speakers/" + inscription.id()))
                .body(view);
    }

    @DeleteMapping("/api/sessions/{sessionId}/speakers/{inscriptionId}")
    SpeakerViews.SpeakersListView withdraw(CurrentUser caller, @PathVariable String sessionId,
            @PathVariable String inscriptionId) {
        return SpeakerViews.SpeakersListView.of(speakers.withdraw(caller, sessionId, inscriptionId));
    }

    /** How many inscriptions one delegation may have on this session's list (organisers; 1 by default). */
    @PutMapping("/api/sessions/{sessionId}/speakers/settings")
    SpeakerViews.SpeakersListView settings(CurrentUser caller, @PathVariable String sessionId,
            @Valid @RequestBody SpeakerRequests.Settings request) {
        return SpeakerViews.SpeakersListView.of(speakers.allow(caller, sessionId,
                request.inscriptionsPerDelegation()));
    }

    /** The list in speaking order: level of representation, then time of request. */
    @GetMapping("/api/sessions/{sessionId}/speakers")
    SpeakerViews.SpeakersListView list(@PathVariable String sessionId) {
        return SpeakerViews.SpeakersListView.of(speakers.of(sessionId));
    }
}
