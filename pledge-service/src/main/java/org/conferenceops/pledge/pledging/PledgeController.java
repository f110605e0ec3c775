package org.conferenceops.pledge.pledging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.conferenceops.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP adapter for pledges. Focal points see and change their own state's pledges (and confirm their part of
 * others'); organisers everything; delegates and operators nothing (403).
 */
@RestController
@PreAuthorize("hasAnyRole('ORGANIZER', 'FOCAL_POINT')")
class PledgeController {

    private final PledgeIntake intake;

    PledgeController(PledgeIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/api/conferences/{conferenceId}/pledges")
    ResponseEntity<PledgeView> submit(CurrentUser caller, @PathVariable String conferenceId,
            @RequestHeader(name = "Idempotency-Key", required = false)
            @Nullable @Size(min = 8, max = 200) @Pattern(regexp = "[\\x21-\\x7E]+") String idempotencyKey,
            @Valid @RequestBody SubmitPledgeRequest request) {
        PledgeIntake.Submission submission = intake.submit(caller, conferenceId, idempotencyKey, request);
        PledgeView view = PledgeView.of(submission.pledge());
        if (submission.replayed()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(view);
        }
        return ResponseEntity.created(URI.create("/api/pledges/" + view.id())).body(view);
    }

    @GetMapping("/api/conferences/{conferenceId}/pledges")
    List<PledgeView> list(CurrentUser caller, @PathVariable String conferenceId) {
        return intake.list(caller, conferenceId).stream().map(PledgeView::of).toList();
    }

    @GetMapping("/api/pledges/{pledgeId}")
    PledgeView get(CurrentUser caller, @PathVariable String pledgeId) {
        return PledgeView.of(intake.find(caller, pledgeId));
    }

    @PostMapping("/api/pledges/{pledgeId}/revisions")
    PledgeView revise(CurrentUser caller, @PathVariable String pledgeId, @Valid @RequestBody OfferRequest offer) {
        return PledgeView.of(intake.revise(caller, pledgeId, offer));
    }

    @PostMapping("/api/pledges/{pledgeId}/submission")
    PledgeView submitDraft(CurrentUser caller, @PathVariable String pledgeId) {
        return PledgeView.of(intake.submitDraft(caller, pledgeId));
    }

    @PostMapping("/api/pledges/{pledgeId}/withdrawal")
    PledgeView withdraw(CurrentUser caller, @PathVariable String pledgeId,
            @Valid @RequestBody TransitionRequests.Reason request) {
        return PledgeView.of(intake.withdraw(caller, pledgeId, request.reason()));
    }

    @PostMapping("/api/pledges/{pledgeId}/renewal")
    PledgeView confirmRenewal(CurrentUser caller, @PathVariable String pledgeId) {
        return PledgeView.of(intake.confirmRenewal(caller, pledgeId));
    }

    @PostMapping("/api/pledges/{pledgeId}/parties/{memberState}/confirmation")
    PledgeView confirmParty(CurrentUser caller, @PathVariable String pledgeId, @PathVariable String memberState) {
        return PledgeView.of(intake.confirmParty(caller, pledgeId, memberState));
    }

    @PostMapping("/api/pledges/{pledgeId}/acknowledgement")
    @PreAuthorize("hasRole('ORGANIZER')")
    PledgeView acknowledge(CurrentUser caller, @PathVariable String pledgeId) {
        return PledgeView.of(intake.acknowledge(caller, pledgeId));
    }

    @PostMapping("/api/pledges/{pledgeId}/announcement")
    @PreAuthorize("hasRole('ORGANIZER')")
    PledgeView announce(CurrentUser caller, @PathVariable String pledgeId,
            @Valid @RequestBody TransitionRequests.Announce request) {
        return PledgeView.of(intake.announce(caller, pledgeId, request.sessionId(), request.inscriptionId(),
                request.speaker()));
    }

    @PostMapping("/api/pledges/{pledgeId}/acceptance")
    @PreAuthorize("hasRole('ORGANIZER')")
    PledgeView accept(CurrentUser caller, @PathVariable String pledgeId) {
        return PledgeView.of(intake.accept(caller, pledgeId));
    }

    @PostMapping("/api/pledges/{pledgeId}/declination")
    @PreAuthorize("hasRole('ORGANIZER')")
    PledgeView decline(CurrentUser caller, @PathVariable String pledgeId,
            @Valid @RequestBody TransitionRequests.Reason request) {
        return PledgeView.of(intake.decline(caller, pledgeId, request.reason()));
    }

    @PostMapping("/api/pledges/{pledgeId}/readiness")
    @PreAuthorize("hasRole('ORGANIZER')")
    PledgeView readiness(CurrentUser caller, @PathVariable String pledgeId,
            @Valid @RequestBody TransitionRequests.Readiness request) {
        return PledgeView.of(intake.changeReadiness(caller, pledgeId, request.level(), request.assessmentVisitDate()));
    }

    @PostMapping("/api/pledges/{pledgeId}/deployment")
    @PreAuthorize("hasRole('ORGANIZER')")
    PledgeView deploy(CurrentUser caller, @PathVariable String pledgeId,
            @Valid @RequestBody TransitionRequests.Deployment request) {
        return PledgeView.of(intake.deploy(caller, pledgeId, request.mission()));
    }
}
