package org.conferenceops.platform.security;

import org.conferenceops.platform.problem.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints guarded by role and by ownership, the two ways services authorise. */
@RestController
@RequestMapping("/api/secured")
public class SecuredTestController {

    @GetMapping("/me")
    CurrentUser me(CurrentUser user) {
        return user;
    }

    @PreAuthorize("hasRole('ORGANIZER')")
    @GetMapping("/organizers-only")
    String organizersOnly() {
        return "ok";
    }

    @GetMapping("/delegations/{id}")
    String delegation(@PathVariable String id, CurrentUser user) {
        if (!user.mayActForDelegation(id)) {
            throw new NotFoundException("delegation", id);
        }
        return id;
    }
}
