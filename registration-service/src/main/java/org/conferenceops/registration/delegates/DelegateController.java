package org.conferenceops.registration.delegates;

import de.siegmar.fastcsv.writer.CsvWriter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.conferenceops.events.registration.AccreditationCategory;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.registration.delegations.DelegationRole;
import org.conferenceops.registration.delegations.Delegations;
import org.conferenceops.registration.web.PageView;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HTTP adapter for registering, reading, changing, substituting and withdrawing delegates. */
@RestController
class DelegateController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final DelegateRegistration registration;
    private final DelegateDirectory directory;
    private final BulkUploadReader reader;
    private final Delegations delegations;

    DelegateController(DelegateRegistration registration, DelegateDirectory directory, BulkUploadReader reader,
            Delegations delegations) {
        this.registration = registration;
        this.directory = directory;
        this.reader = reader;
        this.delegations = delegations;
    }

    @PostMapping("/api/conferences/{conferenceId}/delegations/{delegationId}/delegates")
    ResponseEntity<DelegateView> register(CurrentUser caller, @PathVariable String conferenceId,
            @PathVariable String delegationId, @Valid @RequestBody RegisterDelegateRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey) {
        Delegate delegate = registration.register(caller, conferenceId, delegationId, request, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/delegates/" + delegate.id())).body(DelegateView.of(delegate));
    }

    @PostMapping(path = "/api/conferences/{conferenceId}/delegations/{delegationId}/delegates/bulk",
            consumes = { "text/csv", "application/csv" })
    ResponseEntity<BulkReport> bulkCsv(CurrentUser caller, @PathVariable String conferenceId,
            @PathVariable String delegationId, @RequestBody byte[] body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey) {
        List<BulkReport.RowError> malformed = new ArrayList<>();
        List<BulkRow> rows = reader.csv(body, malformed, false);
        return bulkAnswer(registration.registerBulk(caller, conferenceId, delegationId, rows, malformed,
                idempotencyKey, DelegateRegistration.hash(body)));
    }

    @PostMapping(path = "/api/conferences/{conferenceId}/delegations/{delegationId}/delegates/bulk",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BulkReport> bulkJson(CurrentUser caller, @PathVariable String conferenceId,
            @PathVariable String delegationId, @RequestBody byte[] body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey) {
        return bulkAnswer(registration.registerBulk(caller, conferenceId, delegationId, reader.json(body, false),
                List.of(), idempotencyKey, DelegateRegistration.hash(body)));
    }

    /** An organiser's upload for a whole conference: like a delegation's, with a {@code delegation} column. */
    @PostMapping(path = "/api/conferences/{conferenceId}/delegates/bulk", consumes = { "text/csv", "application/csv" })
    @PreAuthorize("hasRole('ORGANIZER')")
    ResponseEntity<BulkReport> conferenceBulkCsv(CurrentUser caller, @PathVariable String conferenceId,
            @RequestBody byte[] body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey) {
        List<BulkReport.RowError> malformed = new ArrayList<>();
        List<BulkRow> rows = reader.csv(body, malformed, true);
        return bulkAnswer(registration.registerConferenceBulk(caller, conferenceId, rows, malformed, idempotencyKey,
                DelegateRegistration.hash(body)));
    }

    @PostMapping(path = "/api/conferences/{conferenceId}/delegates/bulk", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ORGANIZER')")
    ResponseEntity<BulkReport> conferenceBulkJson(CurrentUser caller, @PathVariable String conferenceId,
            @RequestBody byte[] body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey) {
        return bulkAnswer(registration.registerConferenceBulk(caller, conferenceId, reader.json(body, true),
                List.of(), idempotencyKey, DelegateRegistration.hash(body)));
    }

    @GetMapping("/api/delegates/{delegateId}")
    DelegateView get(CurrentUser caller, @PathVariable String delegateId) {
        return DelegateView.of(registration.find(caller, delegateId));
    }

    @PatchMapping("/api/delegates/{delegateId}")
    DelegateView update(CurrentUser caller, @PathVariable String delegateId,
            @Valid @RequestBody UpdateProfileRequest request) {
        return DelegateView.of(registration.update(caller, delegateId, request));
    }

    @PostMapping("/api/delegates/{delegateId}/substitution")
    @PreAuthorize("hasRole('ORGANIZER')")
    ResponseEntity<DelegateView> substitute(CurrentUser caller, @PathVariable String delegateId,
            @Valid @RequestBody RegisterDelegateRequest newcomer) {
        Delegate arriving = registration.substitute(caller, delegateId, newcomer);
        return ResponseEntity.created(URI.create("/api/delegates/" + arriving.id())).body(DelegateView.of(arriving));
    }

    @PostMapping("/api/delegates/{delegateId}/withdrawal")
    @PreAuthorize("hasRole('ORGANIZER')")
    DelegateView withdraw(CurrentUser caller, @PathVariable String delegateId,
            @Valid @RequestBody WithdrawalRequest request) {
        return DelegateView.of(registration.withdraw(caller, delegateId, request.reason()));
    }

    @GetMapping("/api/conferences/{conferenceId}/delegates")
    @PreAuthorize("hasAnyRole('ORGANIZER', 'FOCAL_POINT')")
    PageView<DelegateSummary> search(CurrentUser caller, @PathVariable String conferenceId,
            @RequestParam(required = false) @Nullable String delegationId,
            @RequestParam(required = false) @Nullable DelegateStatus status,
            @RequestParam(required = false) @Nullable AccreditationCategory category,
            @RequestParam(required = false) @Nullable DelegationRole role,
            @RequestParam(required = false) @Nullable Boolean vip,
            @RequestParam(required = false) @Nullable String q, Pageable page) {
        return PageView.of(directory.search(caller, conferenceId,
                new DelegateFilter(delegationId, status, category, role, vip, q), page), DelegateSummary::of);
    }

    /** The delegation list as CSV (no identity documents, no phone numbers). */
    @GetMapping(path = "/api/conferences/{conferenceId}/delegations/{delegationId}/delegates.csv",
            produces = "text/csv")
    ResponseEntity<String> exportCsv(CurrentUser caller, @PathVariable String conferenceId,
            @PathVariable String delegationId) {
        delegations.require(caller, conferenceId, delegationId);
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord("delegateId", "role", "category", "vip", "title", "givenName", "familyName",
                    "nativeGivenName", "nativeFamilyName", "email", "preferredLanguage", "status", "badgeValid");
            for (Delegate d : directory.all(caller, conferenceId,
                    new DelegateFilter(delegationId, null, null, null, null, null))) {
                Profile p = d.profile();
                csv.writeRecord(d.id(), d.role().name(), d.category().name(), String.valueOf(d.vipRank().vip()),
                        nz(p.title()), p.givenName(), p.familyName(), nz(p.nativeGivenName()),
                        nz(p.nativeFamilyName()), d.email(), p.preferredLanguage().code(), d.status().name(),
                        String.valueOf(d.badge().map(Badge::valid).orElse(false)));
            }
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + delegationId + "-delegates.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(out.toString());
    }

    private static ResponseEntity<BulkReport> bulkAnswer(DelegateRegistration.BulkOutcome outcome) {
        return ResponseEntity.ok().header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(outcome.report());
    }

    private static String nz(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** Why a registration is withdrawn. */
    record WithdrawalRequest(@NotBlank @Size(max = 500) String reason) {
    }
}
