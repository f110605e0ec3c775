package org.conferenceops.notification.recipients;

import java.time.Clock;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.NotFoundException;
import org.conferenceops.platform.problem.RuleViolationException;
import org.conferenceops.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a delegation's focal point is told things (accreditation outcomes, pledge receipts). Set by the focal point
 * or an organiser, because registration events carry no focal-point contact.
 */
@RestController
class FocalPointController {

    private final FocalPointContactRepository contacts;
    private final Clock clock;

    FocalPointController(FocalPointContactRepository contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    record ContactRequest(@NotBlank String name, @NotBlank @Email String email, @NotBlank String language) {
    }

    record ContactView(String delegationId, String name, String email, String language) {

        static ContactView of(FocalPointContact contact) {
            return new ContactView(contact.delegationId(), contact.name(), contact.email(), contact.language().code());
        }
    }

    @PutMapping("/api/delegations/{delegationId}/focal-point-contact")
    ContactView set(@PathVariable String delegationId, @Valid @RequestBody ContactRequest request,
            CurrentUser caller) {
        if (!caller.mayActForDelegation(delegationId)) {
            throw new NotFoundException("delegation", delegationId);
        }
        UnLanguage language = UnLanguage.ofCode(request.language());
        if (language == UnLanguage.UNKNOWN) {
            throw new RuleViolationException("not-a-un-language", new FieldViolation("language", "not-a-un-language",
                    "must be one of ar, zh, en, fr, ru, es"));
        }
        FocalPointContact contact = contacts.findById(delegationId).map(existing -> {
            existing.change(request.name(), request.email(), language, clock.instant());
            return existing;
        }).orElseGet(() -> FocalPointContact.of(delegationId, request.name(), request.email(), language,
                clock.instant()));
        return ContactView.of(contacts.save(contact));
    }

    @GetMapping("/api/delegations/{delegationId}/focal-point-contact")
    ContactView read(@PathVariable String delegationId, CurrentUser caller) {
        return contacts.findById(delegationId).filter(c -> caller.mayActForDelegation(delegationId))
                .map(ContactView::of).orElseThrow(() -> new NotFoundException("focal point contact", delegationId));
    }
}
