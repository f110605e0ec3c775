package org.conferenceops.registration.delegates;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.conferenceops.events.registration.AccreditationCategory;
import org.conferenceops.events.registration.DelegationKind;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.platform.ids.RandomIds;
import org.conferenceops.platform.outbox.EventOutbox;
import org.conferenceops.platform.problem.ConflictException;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.NotFoundException;
import org.conferenceops.platform.problem.RuleViolationException;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.registration.conferences.Conference;
import org.conferenceops.registration.conferences.Conferences;
import org.conferenceops.registration.delegations.Delegation;
import org.conferenceops.registration.delegations.DelegationRole;
import org.conferenceops.registration.delegations.Delegations;
import org.conferenceops.registration.delegations.SeatRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Registering delegates one at a time and in bulk, changing their details, substituting and withdrawing them, and
 * reading them back for those allowed to.
 *
 * <p>A registration takes a delegation seat (one conditional write on the delegation, which enforces the size rule),
 * then inserts the delegate with its event (one write). If the insert is refused (e-mail taken) the seat is given
 * back. With an {@code Idempotency-Key} the delegate's id derives from the key, so a retry finds what the first
 * attempt created instead of creating it again.
 */
@Service
public class DelegateRegistration {

    /** The most rows one bulk upload may carry. */
    public static final int MAX_BULK_ROWS = 4000;

    /** The scope of a conference-wide upload in its idempotency and row ids (a delegation's upload uses its id). */
    private static final String CONFERENCE_SCOPE = "*";

    /** Counter of delegates registered (Prometheus {@code registration_delegates_registered_total}). */
    public static final String REGISTERED = "registration.delegates.registered";

    private final DelegateRepository delegates;
    private final BulkImportRepository imports;
    private final Delegations delegations;
    private final Conferences conferences;
    private final IdentityDocumentCipher cipher;
    private final EventOutbox outbox;
    private final Validator validator;
    private final MeterRegistry meters;
    private final Clock clock;

    DelegateRegistration(DelegateRepository delegates, BulkImportRepository imports, Delegations delegations,
            Conferences conferences, IdentityDocumentCipher cipher, EventOutbox outbox, Validator validator,
            MeterRegistry meters, Clock clock) {
        this.delegates = delegates;
        this.imports = imports;
        this.delegations = delegations;
        this.conferences = conferences;
        this.cipher = cipher;
        this.outbox = outbox;
        this.validator = validator;
        this.meters = meters;
        this.clock = clock;
    }

    /** Registers one delegate: stored with its {@code DelegateRegistered} event, or not at all. */
    public Delegate register(CurrentUser caller, String conferenceId, String delegationId,
            RegisterDelegateRequest request, @Nullable String idempotencyKey) {
        Conference conference = conferences.require(conferenceId);
        Delegation delegation = delegations.require(caller, conferenceId, delegationId);
        requireOpen(caller, conference);
        String id = idempotencyKey == null ? "dlg-" + RandomIds.next()
                : deterministicId(conferenceId, delegationId, idempotencyKey, 0);
        if (idempotencyKey != null) {
            var existing = delegates.findById(id);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        Prepared prepared = prepare(conference, delegation, request);
        if (!prepared.violations().isEmpty()) {
            throw new RuleViolationException(prepared.violations().getFirst().code(),
                    prepared.violations().getFirst().message(), prepared.violations());
        }
        Delegation.Reservation reservation = delegations.reserve(delegation, conference,
                List.of(new SeatRequest(id, prepared.role())), delegates::existsById);
        if (!reservation.refused().isEmpty()) {
            throw new RuleViolationException("delegation-size-cap", "delegation " + delegationId + " is full: "
                    + reservation.refused().get(id), List.of(new FieldViolation("role", "delegation-size-cap",
                    reservation.refused().get(id))));
        }
        java.util.Optional<Delegate> inserted;
        try {
            inserted = insert(id, conference, delegationId, prepared, request);
        }
        catch (RuntimeException e) {
            if (notSent(e)) {
                giveBack(delegationId, List.of(id), e);
            }
            throw e;
        }
        return inserted
                .orElseThrow(() -> {
                    delegations.giveBack(delegationId, List.of(id));
                    return new ConflictException("a delegate with this e-mail address is already registered for "
                            + conferenceId);
                });
    }

    /**
     * Registers the rows of a delegation's bulk upload: each good row is its own delegate (one write each), each bad
     * row is reported with its line and reason. With an idempotency key, a retry of a finished upload returns the
     * first report and a retry of an interrupted one creates only what is missing.
     *
     * @param requestHash a hash of the raw upload, to refuse a key reused for a different upload
     * @param earlyErrors rows the reader could not map (e.g. wrong field count)
     */
    public BulkOutcome registerBulk(CurrentUser caller, String conferenceId, String delegationId, List<BulkRow> rows,
            List<BulkReport.RowError> earlyErrors, @Nullable String idempotencyKey, String requestHash) {
        Conference conference = conferences.require(conferenceId);
        Delegation delegation = delegations.require(caller, conferenceId, delegationId);
        requireOpen(caller, conference);
        Map<Delegation, List<BulkRow>> byDelegation = new LinkedHashMap<>();
        byDelegation.put(delegation, rows);
        return bulk(new BulkUpload(conference, delegationId, byDelegation, earlyErrors, idempotencyKey, requestHash));
    }

    /**
     * Registers the rows of an organiser's conference-wide bulk upload, each row naming its delegation (id or code):
     * the same limits, per-row report and idempotency as a delegation's upload, each delegation's size cap enforced
     * for its own rows. A row naming no delegation, or one not registered for this conference, is a row error.
     */
    public BulkOutcome registerConferenceBulk(CurrentUser caller, String conferenceId, List<BulkRow> rows,
            List<BulkReport.RowError> earlyErrors, @Nullable String idempotencyKey, String requestHash) {
        Conference conference = conferences.require(conferenceId);
        requireOpen(caller, conference);
        List<BulkReport.RowError> errors = new ArrayList<>(earlyErrors);
        Map<Delegation, List<BulkRow>> byDelegation = new LinkedHashMap<>();
        if (rows.size() + earlyErrors.size() <= MAX_BULK_ROWS) {
            Map<String, java.util.Optional<Delegation>> known = new java.util.HashMap<>();
            Map<String, Delegation> sameDelegation = new java.util.HashMap<>();
            for (BulkRow row : rows) {
                if (row.delegation() == null) {
                    errors.add(new BulkReport.RowError(row.line(), BulkUploadReader.DELEGATION, "not-blank",
                            "must name the row's delegation (its id or code)"));
                    continue;
                }
                var delegation = known.computeIfAbsent(row.delegation(),
                        named -> delegations.find(caller, conferenceId, named));
                if (delegation.isEmpty()) {
                    errors.add(new BulkReport.RowError(row.line(), BulkUploadReader.DELEGATION, "unknown-delegation",
                            "no delegation " + row.delegation() + " is registered for " + conferenceId));
                    continue;
                }
                Delegation one = sameDelegation.computeIfAbsent(delegation.get().id(), id -> delegation.get());
                byDelegation.computeIfAbsent(one, d -> new ArrayList<>()).add(row);
            }
        }
        return bulk(new BulkUpload(conference, CONFERENCE_SCOPE, byDelegation, errors, idempotencyKey, requestHash,
                rows.size() + earlyErrors.size()));
    }

    /**
     * One upload, as both paths give it to {@link #bulk}.
     *
     * @param scope    the delegation id, or {@link #CONFERENCE_SCOPE}: keys idempotency records and row ids
     * @param received rows read, good or bad
     */
    private record BulkUpload(Conference conference, String scope, Map<Delegation, List<BulkRow>> byDelegation,
            List<BulkReport.RowError> earlyErrors, @Nullable String idempotencyKey, String requestHash,
            int received) {

        BulkUpload(Conference conference, String scope, Map<Delegation, List<BulkRow>> byDelegation,
                List<BulkReport.RowError> earlyErrors, @Nullable String idempotencyKey, String requestHash) {
            this(conference, scope, byDelegation, earlyErrors, idempotencyKey, requestHash,
                    byDelegation.values().stream().mapToInt(List::size).sum() + earlyErrors.size());
        }
    }

    private BulkOutcome bulk(BulkUpload upload) {
        Conference conference = upload.conference();
        String key = upload.idempotencyKey();
        if (upload.received() > MAX_BULK_ROWS) {
            throw new RuleViolationException("bulk-row-limit", "an upload may carry at most " + MAX_BULK_ROWS
                    + " rows; this one has " + upload.received(), List.of(new FieldViolation("body", "bulk-row-limit",
                    "split the upload into parts of at most " + MAX_BULK_ROWS + " rows")));
        }
        BulkImport record = null;
        if (key != null) {
            String importId = "imp-" + deterministicId(conference.id(), upload.scope(), key, -1).substring(4);
            BulkImport existing = imports.findById(importId).orElse(null);
            if (existing != null && !existing.requestHash().equals(upload.requestHash())) {
                throw new RuleViolationException("idempotency-key-reused", "this Idempotency-Key was used for a "
                        + "different upload", List.of(new FieldViolation("Idempotency-Key", "idempotency-key-reused",
                        "use a new key for a different upload")));
            }
            if (existing != null && existing.report() != null) {
                return new BulkOutcome(existing.report(), true);
            }
            if (existing == null) {
                try {
                    record = outbox.save(BulkImport.start(importId, upload.requestHash(), clock.instant()), List.of());
                }
                catch (DuplicateKeyException e) {
                    throw new ConflictException("an upload with this Idempotency-Key is being processed; retry later");
                }
            }
            else {
                record = existing;
            }
        }
        List<BulkReport.RowError> errors = new ArrayList<>(upload.earlyErrors());
        List<BulkReport.CreatedRow> created = new ArrayList<>();
        for (Map.Entry<Delegation, List<BulkRow>> group : upload.byDelegation().entrySet()) {
            registerRows(conference, group.getKey(), group.getValue(), upload.scope(), key, created, errors);
        }
        errors.sort(Comparator.comparingLong(BulkReport.RowError::line));
        created.sort(Comparator.comparingLong(BulkReport.CreatedRow::line));
        long failedRows = errors.stream().mapToLong(BulkReport.RowError::line).distinct().count();
        BulkReport report = new BulkReport(upload.received(), created.size(), (int) failedRows, created, errors);
        if (record != null) {
            record.complete(report, clock.instant());
            outbox.save(record, List.of());
        }
        return new BulkOutcome(report, false);
    }

    /** Validates one delegation's rows, takes their seats under its cap in one write, and inserts each delegate. */
    private void registerRows(Conference conference, Delegation delegation, List<BulkRow> rows, String scope,
            @Nullable String key, List<BulkReport.CreatedRow> created, List<BulkReport.RowError> errors) {
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (BulkRow row : rows) {
            List<FieldViolation> violations = new ArrayList<>(validate(row.request()));
            Prepared prepared = violations.isEmpty() ? prepare(conference, delegation, row.request()) : null;
            if (prepared != null) {
                violations.addAll(prepared.violations());
            }
            if (!violations.isEmpty()) {
                violations.forEach(v -> errors.add(new BulkReport.RowError(row.line(), v.field(), v.code(), v.message())));
                continue;
            }
            String id = key == null ? "dlg-" + RandomIds.next()
                    : deterministicId(conference.id(), scope, key, row.line());
            candidates.put(id, new Candidate(row, prepared));
        }
        if (key != null) {
            // rows written by an interrupted attempt with this key: their seats are taken (and settle like any other)
            for (Delegate written : delegates.findAllById(candidates.keySet())) {
                created.add(new BulkReport.CreatedRow(candidates.remove(written.id()).row().line(), written.id()));
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        Delegation.Reservation reservation = delegations.reserve(delegation.id(), candidates.entrySet().stream()
                .map(e -> new SeatRequest(e.getKey(), e.getValue().prepared().role())).toList(), delegates::existsById);
        reservation.refused().forEach((id, reason) -> errors.add(new BulkReport.RowError(
                candidates.get(id).row().line(), "role", "delegation-size-cap", reason)));
        List<String> release = new ArrayList<>();
        List<String> pending = new ArrayList<>(reservation.seated());
        while (!pending.isEmpty()) {
            String id = pending.getFirst();
            Candidate candidate = candidates.get(id);
            java.util.Optional<Delegate> inserted;
            try {
                inserted = insert(id, conference, delegation.id(), candidate.prepared(), candidate.row().request());
            }
            catch (RuntimeException e) {
                // the rows not yet written give their seats back; the failed one too if its write was never sent
                List<String> unwritten = new ArrayList<>(release);
                unwritten.addAll(notSent(e) ? pending : pending.subList(1, pending.size()));
                giveBack(delegation.id(), unwritten, e);
                throw e;
            }
            pending.removeFirst();
            if (inserted.isPresent()) {
                created.add(new BulkReport.CreatedRow(candidate.row().line(), id));
            }
            else {
                release.add(id);
                errors.add(new BulkReport.RowError(candidate.row().line(), "email", "duplicate-email",
                        "a delegate with this e-mail address is already registered for " + conference.id()));
            }
        }
        delegations.giveBack(delegation.id(), release);
    }

    /**
     * Whether a storage failure certainly came before the write reached the database (no connection could be had),
     * so the seat taken for it can be given back at once. Otherwise the write may have landed: the seat stays, and
     * is reclaimed as an orphan later if no delegate document appears.
     */
    private static boolean notSent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoConnectionPoolClearedException || cause instanceof MongoServerUnavailableException
                    || cause instanceof MongoSocketOpenException
                    || cause instanceof MongoTimeoutException && !(cause instanceof MongoOperationTimeoutException)) {
                return true;
            }
        }
        return false;
    }

    /** Frees seats after a failed registration, best effort: the failure is what the caller hears about. */
    private void giveBack(String delegationId, List<String> delegateIds, RuntimeException failure) {
        try {
            delegations.giveBack(delegationId, delegateIds);
        }
        catch (RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }

    /** A bulk report and whether it was replayed from a finished upload with the same key. */
    public record BulkOutcome(BulkReport report, boolean replayed) {
    }

    /** A delegate, if the caller may see them; otherwise "not found", so existence is not revealed. */
    public Delegate find(CurrentUser caller, String delegateId) {
        return delegates.findById(delegateId)
                .filter(d -> caller.mayActForDelegate(d.id(), d.delegationId()))
                .orElseThrow(() -> new NotFoundException("delegate", delegateId));
    }

    /** Changes contact details and preferences (the delegate, their focal point, or an organiser). */
    public Delegate update(CurrentUser caller, String delegateId, UpdateProfileRequest request) {
        Delegate delegate = find(caller, delegateId);
        Profile p = delegate.profile();
        String timeZone = request.timeZone() != null ? request.timeZone() : p.timeZone();
        if (timeZone != null && !validZone(timeZone)) {
            throw new RuleViolationException("unknown-time-zone", new FieldViolation("timeZone", "unknown-time-zone",
                    "must be an IANA time zone such as Asia/Seoul"));
        }
        Profile changed = new Profile(or(request.title(), p.title()), p.givenName(), p.familyName(),
                or(request.nativeGivenName(), p.nativeGivenName()), or(request.nativeFamilyName(), p.nativeFamilyName()),
                or(request.phone(), p.phone()),
                request.preferredLanguage() != null ? UnLanguage.ofCode(request.preferredLanguage()) : p.preferredLanguage(),
                timeZone, or(request.accessibilityNeeds(), p.accessibilityNeeds()));
        SealedValue document = request.identityDocumentNumber() == null ? null
                : cipher.seal(delegateId, request.identityDocumentNumber().strip());
        var events = delegate.update(changed, request.email() != null ? request.email() : delegate.email(), document,
                clock.instant());
        try {
            return outbox.save(delegate, events);
        }
        catch (DuplicateKeyException e) {
            throw new ConflictException("a delegate with this e-mail address is already registered for "
                    + delegate.conferenceId());
        }
    }

    /**
     * Substitutes a delegate (organisers): the newcomer takes the leaver's seat and role and is registered; the leaver
     * is withdrawn with a pointer to the newcomer.
     */
    public Delegate substitute(CurrentUser caller, String delegateId, RegisterDelegateRequest newcomer) {
        Delegate leaving = find(caller, delegateId);
        if (leaving.status() == DelegateStatus.WITHDRAWN || leaving.status() == DelegateStatus.ERASED) {
            throw new org.conferenceops.platform.problem.IllegalStateTransitionException("delegate", leaving.status(),
                    "substitute");
        }
        Conference conference = conferences.require(leaving.conferenceId());
        Delegation delegation = delegations.require(caller, leaving.conferenceId(), leaving.delegationId());
        RegisterDelegateRequest sameRole = new RegisterDelegateRequest(newcomer.givenName(), newcomer.familyName(),
                newcomer.email(), newcomer.preferredLanguage(), newcomer.title(), newcomer.nativeGivenName(),
                newcomer.nativeFamilyName(), newcomer.phone(), newcomer.timeZone(), newcomer.accessibilityNeeds(),
                leaving.role().name(), newcomer.category() != null ? newcomer.category() : leaving.category().name(),
                newcomer.vipRank(), newcomer.identityDocumentNumber());
        Prepared prepared = prepare(conference, delegation, sameRole);
        if (!prepared.violations().isEmpty()) {
            throw new RuleViolationException(prepared.violations().getFirst().code(),
                    prepared.violations().getFirst().message(), prepared.violations());
        }
        String id = "dlg-" + RandomIds.next();
        delegations.transfer(delegation.id(), leaving.id(), id);
        Delegate arriving = insert(id, conference, delegation.id(), prepared, sameRole).orElseThrow(() -> {
            delegations.transfer(delegation.id(), id, leaving.id());
            return new ConflictException("a delegate with this e-mail address is already registered for "
                    + conference.id());
        });
        outbox.save(leaving, leaving.withdraw("substituted", id, clock.instant()));
        return arriving;
    }

    /** Withdraws a registration (organisers); a badge is revoked and the seat freed. */
    public Delegate withdraw(CurrentUser caller, String delegateId, String reason) {
        Delegate delegate = find(caller, delegateId);
        boolean heldASeat = delegate.holdsASeat();
        Delegate saved = outbox.save(delegate, delegate.withdraw(reason, null, clock.instant()));
        if (heldASeat) {
            // only the write that withdrew them frees the seat: withdrawing again changes nothing
            delegations.release(saved.delegationId(), saved.id(), saved.role());
        }
        return saved;
    }

    private java.util.Optional<Delegate> insert(String id, Conference conference, String delegationId,
            Prepared prepared, RegisterDelegateRequest request) {
        SealedValue document = request.identityDocumentNumber() == null ? null
                : cipher.seal(id, request.identityDocumentNumber().strip());
        Delegate.Registered registered = Delegate.register(id, conference.id(), delegationId, prepared.role(),
                prepared.category(), prepared.vipRank(), prepared.profile(), request.email(), document,
                clock.instant());
        try {
            Delegate saved = outbox.save(registered.delegate(), registered.events());
            meters.counter(REGISTERED, "conference", conference.id(), "category", saved.category().name()).increment();
            return java.util.Optional.of(saved);
        }
        catch (DuplicateKeyException e) {
            // our own id means a retried request already created this delegate
            return delegates.findById(id);
        }
    }

    private void requireOpen(CurrentUser caller, Conference conference) {
        Instant now = clock.instant();
        if (!caller.isOrganizer() && !conference.registrationOpenAt(now)) {
            throw new RuleViolationException("registration-closed", "registration for " + conference.id()
                    + " is not open (window " + conference.registrationOpensAt() + " to "
                    + conference.registrationClosesAt() + ")", List.of());
        }
    }

    private List<FieldViolation> validate(RegisterDelegateRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ConstraintViolation<RegisterDelegateRequest> v : validator.validate(request)) {
            String code = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            violations.add(new FieldViolation(v.getPropertyPath().toString(), kebab(code), v.getMessage()));
        }
        violations.sort(Comparator.comparing(FieldViolation::field));
        return violations;
    }

    /** Semantic checks beyond bean validation, and the defaults for what the request leaves out. */
    private static Prepared prepare(Conference conference, Delegation delegation, RegisterDelegateRequest r) {
        List<FieldViolation> violations = new ArrayList<>();
        DelegationRole role = r.role() == null ? DelegationRole.ADVISER : DelegationRole.valueOf(r.role());
        AccreditationCategory category = r.category() != null ? AccreditationCategory.valueOf(r.category())
                : defaultCategory(delegation.kind());
        if (!conference.accreditationCategories().contains(category)) {
            violations.add(new FieldViolation("category", "category-not-offered",
                    "the conference does not accredit " + category));
        }
        if (r.timeZone() != null && !validZone(r.timeZone())) {
            violations.add(new FieldViolation("timeZone", "unknown-time-zone",
                    "must be an IANA time zone such as Asia/Seoul"));
        }
        VipRank vip = r.vipRank() == null ? VipRank.NONE : VipRank.valueOf(r.vipRank());
        Profile profile = new Profile(r.title(), r.givenName(), r.familyName(), r.nativeGivenName(),
                r.nativeFamilyName(), r.phone(), UnLanguage.ofCode(r.preferredLanguage()), r.timeZone(),
                r.accessibilityNeeds());
        return new Prepared(role, category, vip, profile, violations);
    }

    private static AccreditationCategory defaultCategory(DelegationKind kind) {
        return switch (kind) {
            case OBSERVER_STATE -> AccreditationCategory.OBSERVER_STATE;
            case ORGANISATION -> AccreditationCategory.INTERNATIONAL_ORGANISATION;
            case MEMBER_STATE, UNKNOWN -> AccreditationCategory.MEMBER_STATE_DELEGATE;
        };
    }

    private static boolean validZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        }
        catch (DateTimeException e) {
            return false;
        }
    }

    private static @Nullable String or(@Nullable String value, @Nullable String fallback) {
        return value != null ? value : fallback;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** A delegate id that depends only on where and under which key it was asked for, and the row. */
    static String deterministicId(String conferenceId, String delegationId, String key, long line) {
        return "dlg-" + UUID.nameUUIDFromBytes((conferenceId + "|" + delegationId + "|" + key + "|" + line)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of an upload, to tell a retry from a different upload under the same key. */
    static String hash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Prepared(DelegationRole role, AccreditationCategory category, VipRank vipRank, Profile profile,
            List<FieldViolation> violations) {
    }

    private record Candidate(BulkRow row, Prepared prepared) {
    }
}
