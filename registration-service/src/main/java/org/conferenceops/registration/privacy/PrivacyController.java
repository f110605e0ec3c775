package org.conferenceops.registration.privacy;

import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.registration.delegates.DelegateView;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** HTTP adapter for a person's data export and erasure. */
@RestController
class PrivacyController {

    private final PrivacyRights rights;

    PrivacyController(PrivacyRights rights) {
        this.rights = rights;
    }

    @GetMapping("/api/delegates/{delegateId}/personal-data")
    PersonalDataExport export(CurrentUser caller, @PathVariable String delegateId) {
        return rights.export(caller, delegateId);
    }

    @DeleteMapping("/api/delegates/{delegateId}/personal-data")
    DelegateView erase(CurrentUser caller, @PathVariable String delegateId) {
        return rights.erase(caller, delegateId);
    }
}
