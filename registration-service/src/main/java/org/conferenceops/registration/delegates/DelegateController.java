package org.conferenceops.registration.delegates;

import jakarta.validation.Valid;
import java.net.URI;
import org.conferenceops.platform.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** HTTP adapter for delegate registration. */
@RestController
class DelegateController {

    private final DelegateRegistration registration;

    DelegateController(DelegateRegistration registration) {
        this.registration = registration;
    }

    @PostMapping("/api/conferences/{conferenceId}/delegations/{delegationId}/delegates")
    ResponseEntity<DelegateView> register(CurrentUser caller, @PathVariable String conferenceId,
            @PathVariable String delegationId, @Valid @RequestBody RegisterDelegateRequest request) {
        Delegate delegate = registration.register(caller, conferenceId, delegationId, request);
        return ResponseEntity.created(URI.create("/api/delegates/" + delegate.id())).body(DelegateView.of(delegate));
    }

    @GetMapping("/api/delegates/{delegateId}")
    DelegateView get(CurrentUser caller, @PathVariable String delegateId) {
        return DelegateView.of(registration.find(caller, delegateId));
    }
}
