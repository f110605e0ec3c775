package org.conferenceops.registration.badges;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.conferenceops.platform.problem.IllegalStateTransitionException;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.registration.conferences.Conferences;
import org.conferenceops.registration.delegates.Delegate;
import org.conferenceops.registration.delegates.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** HTTP adapter for badges. */
@RestController
class BadgeController {

    private final Badges badges;
    private final BadgeRenderer renderer;
    private final BadgePdfRenderer pdfRenderer;
    private final Conferences conferences;

    BadgeController(Badges badges, BadgeRenderer renderer, BadgePdfRenderer pdfRenderer, Conferences conferences) {
        this.badges = badges;
        this.renderer = renderer;
        this.pdfRenderer = pdfRenderer;
        this.conferences = conferences;
    }

    @PostMapping("/api/delegates/{delegateId}/badge")
    @PreAuthorize("hasRole('ORGANIZER')")
    ResponseEntity<BadgeView> issue(CurrentUser caller, @PathVariable String delegateId) {
        return ResponseEntity.created(URI.create("/api/delegates/" + delegateId + "/badge"))
                .body(badges.issue(caller, delegateId));
    }

    @GetMapping("/api/delegates/{delegateId}/badge")
    BadgeView get(CurrentUser caller, @PathVariable String delegateId) {
        return badges.find(caller, delegateId);
    }

    @PostMapping("/api/delegates/{delegateId}/badge/revocation")
    @PreAuthorize("hasRole('ORGANIZER')")
    BadgeView revoke(CurrentUser caller, @PathVariable String delegateId,
            @Valid @RequestBody RevocationRequest request) {
        return badges.revoke(caller, delegateId, request.reason());
    }

    @GetMapping(path = "/api/delegates/{delegateId}/badge.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> png(CurrentUser caller, @PathVariable String delegateId) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(renderer.png(face(caller, delegateId)));
    }

    /** The same badge as a one-page PDF for badge printers (ADR 017). */
    @GetMapping(path = "/api/delegates/{delegateId}/badge.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(CurrentUser caller, @PathVariable String delegateId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .body(pdfRenderer.pdf(face(caller, delegateId)));
    }

    private BadgeRenderer.Face face(CurrentUser caller, String delegateId) {
        Delegate holder = badges.holder(caller, delegateId);
        BadgeView badge = badges.view(holder);
        if (badge.qrPayload() == null) {
            throw new IllegalStateTransitionException("badge", "REVOKED", "print");
        }
        Profile p = holder.profile();
        String family = p.nativeFamilyName() == null ? "" : p.nativeFamilyName();
        String given = p.nativeGivenName() == null ? "" : p.nativeGivenName();
        // Chinese, Japanese and Korean write family and given name without a space (张伟, 김민준)
        String nativeName = p.nativeGivenName() == null && p.nativeFamilyName() == null ? null
                : String.join(eastAsian(family) && eastAsian(given) ? "" : " ", family, given).strip();
        return new BadgeRenderer.Face(conferences.require(holder.conferenceId()).name(),
                (p.title() == null ? "" : p.title() + " ") + p.givenName() + " " + p.familyName(), nativeName,
                holder.delegationId(), holder.category(), holder.vipRank().vip(), badge.qrPayload());
    }

    private static boolean eastAsian(String name) {
        return name.codePoints().allMatch(c -> switch (Character.UnicodeScript.of(c)) {
            case HAN, HIRAGANA, KATAKANA, HANGUL -> true;
            default -> false;
        });
    }

    /** Why a badge is revoked. */
    record RevocationRequest(@NotBlank @Size(max = 200) String reason) {
    }
}
