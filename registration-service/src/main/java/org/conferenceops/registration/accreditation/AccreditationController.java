package org.conferenceops.registration.accreditation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.conferenceops.events.registration.AccreditationCategory;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.registration.delegates.DelegateDirectory;
import org.conferenceops.registration.delegates.DelegateFilter;
import org.conferenceops.registration.delegates.DelegateStatus;
import org.conferenceops.registration.delegates.DelegateSummary;
import org.conferenceops.registration.delegates.DelegateView;
import org.conferenceops.registration.delegates.DocumentOnFile;
import org.conferenceops.registration.web.PageView;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HTTP adapter for accreditation decisions, documents on file and the queue. */
@RestController
class AccreditationController {

    private final Accreditation accreditation;
    private final DelegateDirectory directory;
    private final Clock clock;

    AccreditationController(Accreditation accreditation, DelegateDirectory directory, Clock clock) {
        this.accreditation = accreditation;
        this.directory = directory;
        this.clock = clock;
    }

    @PostMapping("/api/delegates/{delegateId}/accreditation")
    @PreAuthorize("hasRole('ORGANIZER')")
    DelegateView accredit(CurrentUser caller, @PathVariable String delegateId) {
        return DelegateView.of(accreditation.accredit(caller, delegateId));
    }

    @PostMapping("/api/delegates/{delegateId}/rejection")
    @PreAuthorize("hasRole('ORGANIZER')")
    DelegateView reject(CurrentUser caller, @PathVariable String delegateId,
            @Valid @RequestBody RejectionRequest request) {
        return DelegateView.of(accreditation.reject(caller, delegateId, request.reason()));
    }

    @PostMapping("/api/delegates/{delegateId}/documents")
    @PreAuthorize("hasAnyRole('ORGANIZER', 'FOCAL_POINT')")
    DelegateView addDocument(CurrentUser caller, @PathVariable String delegateId,
            @Valid @RequestBody DocumentRequest request) {
        return DelegateView.of(accreditation.addDocument(caller, delegateId, new DocumentOnFile(request.kind(),
                request.reference().strip(), request.fileName(),
                request.receivedAt() != null ? request.receivedAt() : clock.instant())));
    }

    /**
     * The queue: pending delegates by default, VIPs first (heads of state or government, then ministers), then oldest
     * first, with the counts of every status.
     */
    @GetMapping("/api/conferences/{conferenceId}/accreditation/queue")
    @PreAuthorize("hasRole('ORGANIZER')")
    Queue queue(CurrentUser caller, @PathVariable String conferenceId,
            @RequestParam(defaultValue = "PENDING") DelegateStatus status,
            @RequestParam(required = false) @Nullable String delegationId,
            @RequestParam(required = false) @Nullable AccreditationCategory category,
            @RequestParam(required = false) @Nullable Boolean vip,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        DelegateFilter filter = new DelegateFilter(delegationId, status, category, null, vip, q);
        Pageable pageable = PageRequest.of(Math.max(page, 0), Math.clamp(size, 1, 500),
                DelegateDirectory.VIP_FIRST.and(Sort.by("registeredAt")));
        DelegateFilter anyStatus = new DelegateFilter(delegationId, null, category, null, vip, q);
        DelegateFilter vipPending = new DelegateFilter(delegationId, DelegateStatus.PENDING, category, null, true, q);
        return new Queue(directory.countsByStatus(caller, conferenceId, anyStatus),
                directory.countsByStatus(caller, conferenceId, vipPending).get(DelegateStatus.PENDING),
                PageView.of(directory.search(caller, conferenceId, filter, pageable), DelegateSummary::of));
    }

    /**
     * The accreditation queue.
     *
     * @param counts      how many delegates matching the filters (except status) are in each status
     * @param vipsPending how many VIPs among them wait for a decision
     * @param delegates   the page of delegates in the requested status
     */
    record Queue(Map<DelegateStatus, Long> counts, long vipsPending, PageView<DelegateSummary> delegates) {
    }

    /** Why accreditation is refused; required. */
    record RejectionRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** A document received for a delegate. */
    record DocumentRequest(@NotNull DocumentOnFile.Kind kind, @NotBlank @Size(max = 100) String reference,
            @Nullable @Size(max = 200) String fileName, @Nullable Instant receivedAt) {
    }
}
