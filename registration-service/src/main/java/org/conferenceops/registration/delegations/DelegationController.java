package org.conferenceops.registration.delegations;

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

/** HTTP adapter for delegations. */
@RestController
class DelegationController {

    private final Delegations delegations;

    DelegationController(Delegations delegations) {
        this.delegations = delegations;
    }

    @PostMapping("/api/conferences/{conferenceId}/delegations")
    @PreAuthorize("hasRole('ORGANIZER')")
    ResponseEntity<DelegationView> register(@PathVariable String conferenceId,
            @Valid @RequestBody RegisterDelegationRequest request) {
        Delegation delegation = delegations.register(conferenceId, request);
        return ResponseEntity.created(URI.create("/api/conferences/" + conferenceId + "/delegations/" + delegation.id()))
                .body(DelegationView.of(delegation));
    }

    @GetMapping("/api/conferences/{conferenceId}/delegations")
    List<DelegationView> list(CurrentUser caller, @PathVariable String conferenceId) {
        return delegations.visible(caller, conferenceId).stream().map(DelegationView::of).toList();
    }

    @GetMapping("/api/conferences/{conferenceId}/delegations/{delegationId}")
    DelegationView get(CurrentUser caller, @PathVariable String conferenceId, @PathVariable String delegationId) {
        return DelegationView.of(delegations.require(caller, conferenceId, delegationId));
    }
}
