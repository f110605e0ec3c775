package org.conferenceops.registration.conferences;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.conferenceops.platform.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** HTTP adapter for conferences: anyone signed in reads them, organisers create them. */
@RestController
class ConferenceController {

    private final Conferences conferences;

    ConferenceController(Conferences conferences) {
        this.conferences = conferences;
    }

    @GetMapping("/api/conferences")
    List<ConferenceView> list(CurrentUser caller) {
        return conferences.all().stream().map(ConferenceView::of).toList();
    }

    @GetMapping("/api/conferences/{conferenceId}")
    ConferenceView get(CurrentUser caller, @PathVariable String conferenceId) {
        return ConferenceView.of(conferences.require(conferenceId));
    }

    @PostMapping("/api/conferences")
    @PreAuthorize("hasRole('ORGANIZER')")
    ResponseEntity<ConferenceView> create(@Valid @RequestBody ConferenceRequest request) {
        Conference created = conferences.create(request);
        return ResponseEntity.created(URI.create("/api/conferences/" + created.id())).body(ConferenceView.of(created));
    }
}
