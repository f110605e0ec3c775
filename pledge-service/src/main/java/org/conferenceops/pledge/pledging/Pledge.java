package org.conferenceops.pledge.pledging;

import static org.conferenceops.events.pledge.PledgeStatus.ACCEPTED;
import static org.conferenceops.events.pledge.PledgeStatus.ACKNOWLEDGED;
import static org.conferenceops.events.pledge.PledgeStatus.ANNOUNCED;
import static org.conferenceops.events.pledge.PledgeStatus.DECLINED;
import static org.conferenceops.events.pledge.PledgeStatus.DEPLOYED;
import static org.conferenceops.events.pledge.PledgeStatus.DRAFT;
import static org.conferenceops.events.pledge.PledgeStatus.LEVEL_2;
import static org.conferenceops.events.pledge.PledgeStatus.SUBMITTED;
import static org.conferenceops.events.pledge.PledgeStatus.WITHDRAWN;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.conferenceops.events.pledge.EquipmentQuantity;
import org.conferenceops.events.pledge.FinancialAmount;
import org.conferenceops.events.pledge.PartyRole;
import org.conferenceops.events.pledge.PledgeCategory;
import org.conferenceops.events.pledge.PledgeAccepted;
import org.conferenceops.events.pledge.PledgeAcknowledged;
import org.conferenceops.events.pledge.PledgeAnnounced;
import org.conferenceops.events.pledge.PledgeDeclined;
import org.conferenceops.events.pledge.PledgeDeployed;
import org.conferenceops.events.pledge.PledgeEvent;
import org.conferenceops.events.pledge.PledgeParty;
import org.conferenceops.events.pledge.PledgePartyConfirmed;
import org.conferenceops.events.pledge.PledgeReadinessChanged;
import org.conferenceops.events.pledge.PledgeRenewalDue;
import org.conferenceops.events.pledge.PledgeRenewed;
import org.conferenceops.events.pledge.PledgeRevised;
import org.conferenceops.events.pledge.PledgeStatus;
import org.conferenceops.events.pledge.PledgeSubmitted;
import org.conferenceops.events.pledge.PledgeWithdrawn;
import org.conferenceops.platform.outbox.AggregateDocument;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.IllegalStateTransitionException;
import org.conferenceops.platform.problem.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member state's pledge, one document: its revisions (never overwritten), the parties taking part, where it is in
 * its life ({@link PledgeLifecycle}), the renewal schedule and the full history of who changed what when. Every
 * behaviour method returns the events it raises (empty for an idempotent repeat) or refuses, naming the current
 * status.
 */
@Document("pledges")
public class Pledge extends AggregateDocument {

    private static final String RESOURCE = "pledge";

    @Id
    private final String id;
    @Indexed
    private final String conferenceId;
    private final String memberState;
    /** The current revision's category, kept at the top level so the gap of a category is one indexed query. */
    @Indexed
    private PledgeCategory category;
    private PledgeStatus status;
    private final List<PledgeContent> revisions;
    private List<Party> parties;
    private @Nullable String receiptNumber;
    private @Nullable Announcement announcement;
    private @Nullable String assessmentVisitDate;
    private @Nullable String mission;
    private @Nullable String closingReason;
    private @Nullable Instant acceptedAt;
    /** The next renewal due date while the pledge is renewable; null otherwise. */
    @Indexed(sparse = true)
    private @Nullable Instant renewalDueAt;
    private int renewalsRaised;
    /** The latest renewal the pledging state confirmed; below {@code renewalsRaised} while one awaits confirmation. */
    private int renewalsConfirmed;
    private final @Nullable String idempotencyKey;
    private final @Nullable String requestFingerprint;
    private final List<HistoryEntry> history;

    @PersistenceCreator
    Pledge(String id, String conferenceId, String memberState, PledgeCategory category, PledgeStatus status,
            List<PledgeContent> revisions, List<Party> parties, @Nullable String receiptNumber,
            @Nullable Announcement announcement, @Nullable String assessmentVisitDate, @Nullable String mission,
            @Nullable String closingReason, @Nullable Instant acceptedAt, @Nullable Instant renewalDueAt,
            int renewalsRaised, int renewalsConfirmed, @Nullable String idempotencyKey,
            @Nullable String requestFingerprint, List<HistoryEntry> history) {
        this.id = id;
        this.conferenceId = conferenceId;
        this.memberState = memberState;
        this.category = category;
        this.status = status;
        this.revisions = new ArrayList<>(revisions);
        this.parties = List.copyOf(parties);
        this.receiptNumber = receiptNumber;
        this.announcement = announcement;
        this.assessmentVisitDate = assessmentVisitDate;
        this.mission = mission;
        this.closingReason = closingReason;
        this.acceptedAt = acceptedAt;
        this.renewalDueAt = renewalDueAt;
        this.renewalsRaised = renewalsRaised;
        this.renewalsConfirmed = renewalsConfirmed;
        this.idempotencyKey = idempotencyKey;
        this.requestFingerprint = requestFingerprint;
        this.history = new ArrayList<>(history);
    }

    /** A pledge with the events its creation raised. */
    record Created(Pledge pledge, List<PledgeEvent> events) {
    }

    /**
     * A new pledge, as a draft or submitted at once. The lead state is a party (a contributor unless listed
     * otherwise) and has confirmed by making the pledge; other parties confirm later.
     */
    static Created create(String id, String conferenceId, String memberState, Offer offer, List<Party> otherParties,
            boolean draft, @Nullable String idempotencyKey, @Nullable String requestFingerprint, Instant now,
            String by) {
        List<Party> parties = new ArrayList<>();
        PartyRole leadRole = otherParties.stream().filter(p -> p.memberState().equals(memberState))
                .map(Party::role).findFirst().orElse(PartyRole.CONTRIBUTOR);
        parties.add(new Party(memberState, leadRole, now));
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < otherParties.size(); i++) {
            Party party = otherParties.get(i);
            if (party.memberState().equals(memberState)) {
                continue;
            }
            if (parties.stream().anyMatch(p -> p.memberState().equals(party.memberState()))) {
                violations.add(new FieldViolation("parties[" + i + "].memberState", "duplicate-party",
                        "is listed twice"));
            }
            parties.add(new Party(party.memberState(), party.role(), null));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException("pledge-parties", "Each member state takes part once", violations);
        }
        PledgeContent first = offer.toContent(1, now, by);
        Pledge pledge = new Pledge(id, conferenceId, memberState, first.category(), DRAFT, List.of(first), parties,
                null, null, null, null, null, null, null, 0, 0, idempotencyKey, requestFingerprint, List.of());
        pledge.history.add(new HistoryEntry(now, by, "create", DRAFT, DRAFT, "revision 1: " + describe(first)));
        if (draft) {
            return new Created(pledge, List.of());
        }
        return new Created(pledge, pledge.submit(now, by));
    }

    /** Submits a draft. */
    List<PledgeEvent> submit(Instant now, String by) {
        move(SUBMITTED, "submit", now, by, "submitted revision " + current().revision());
        PledgeContent content = current();
        return List.of(new PledgeSubmitted(id, conferenceId, memberState, content.category(), content.revision(),
                content.units(), content.personnel(), content.womenPersonnel(), content.equipmentItems(),
                parties.size(), now, equipmentOf(content), moneyOf(content), parties.stream()
                        .map(p -> new PledgeParty(p.memberState(), p.role(), p.confirmed())).toList()));
    }

    /** A correction: a new revision; earlier ones stay as they were. */
    List<PledgeEvent> revise(Offer offer, Instant now, String by) {
        if (PledgeLifecycle.FINAL.contains(status) || status == DEPLOYED) {
            throw new IllegalStateTransitionException(RESOURCE, status, "revise");
        }
        PledgeContent content = offer.toContent(current().revision() + 1, now, by);
        revisions.add(content);
        category = content.category();
        history.add(new HistoryEntry(now, by, "revise", status, status,
                "revision " + content.revision() + ": " + describe(content)));
        if (status == DRAFT) {
            return List.of();
        }
        return List.of(new PledgeRevised(id, conferenceId, memberState, content.category(), content.revision(),
                content.units(), content.personnel(), content.womenPersonnel(), content.equipmentItems(), now,
                equipmentOf(content), moneyOf(content)));
    }

    /** The UN's receipt. */
    List<PledgeEvent> acknowledge(Instant now, String by) {
        String receipt = "PCRS-" + conferenceId + "-" + id.substring(id.length() - 8).toUpperCase(Locale.ROOT);
        move(ACKNOWLEDGED, "acknowledge", now, by, "receipt " + receipt);
        receiptNumber = receipt;
        return List.of(new PledgeAcknowledged(id, conferenceId, memberState, receipt, now));
    }

    /**
     * Announced in a session of the conference by a speaker on its speakers list (the inscription is null only for
     * seeded announcements of past conferences).
     */
    List<PledgeEvent> announce(String sessionId, @Nullable String inscriptionId, String speaker,
            @Nullable String speakerTitle, @Nullable String delegationId, Instant now, String by) {
        move(ANNOUNCED, "announce", now, by, "in session " + sessionId + " by " + speaker
                + (inscriptionId == null ? "" : " (inscription " + inscriptionId + ")"));
        announcement = new Announcement(sessionId, speaker, now, inscriptionId, speakerTitle, delegationId);
        return List.of(new PledgeAnnounced(id, conferenceId, memberState, sessionId, speaker, now, inscriptionId,
                speakerTitle, delegationId));
    }

    /** Accepted by the UN; the renewal clock starts. */
    List<PledgeEvent> accept(Period firstRenewalAfter, Instant now, String by) {
        move(ACCEPTED, "accept", now, by, "accepted");
        acceptedAt = now;
        renewalDueAt = plus(now, firstRenewalAfter);
        return List.of(new PledgeAccepted(id, conferenceId, memberState, renewalDueAt, now));
    }

    /** Declined by the UN. Final. */
    List<PledgeEvent> decline(String reason, Instant now, String by) {
        move(DECLINED, "decline", now, by, reason);
        closingReason = reason;
        renewalDueAt = null;
        return List.of(new PledgeDeclined(id, conferenceId, memberState, reason, now));
    }

    /**
     * Moves a uniformed capability to the next PCRS level; Level 2 needs the date of its assessment and advisory
     * visit, which cannot be in the future.
     */
    List<PledgeEvent> changeReadiness(PledgeStatus level, @Nullable LocalDate visitDate, Instant now, String by) {
        if (!PledgeLifecycle.READINESS_LEVELS.contains(level)) {
            throw new RuleViolationException("readiness-level", new FieldViolation("level", "not-a-readiness-level",
                    "must be one of " + PledgeLifecycle.READINESS_LEVELS));
        }
        if (!category.uniformedCapability()) {
            throw new RuleViolationException("no-readiness-levels", new FieldViolation("level",
                    "no-readiness-levels", "pledges of category " + category + " have no PCRS readiness levels"));
        }
        if (level == LEVEL_2 && visitDate == null) {
            throw new RuleViolationException("assessment-visit-required", new FieldViolation("assessmentVisitDate",
                    "required", "Level 2 needs the date of the assessment and advisory visit"));
        }
        if (visitDate != null && visitDate.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            throw new RuleViolationException("assessment-visit-required", new FieldViolation("assessmentVisitDate",
                    "in-the-future", "the assessment and advisory visit must have taken place"));
        }
        PledgeStatus previous = status;
        String visit = level == LEVEL_2 && visitDate != null ? visitDate.toString() : null;
        move(level, "change-readiness", now, by, visit == null ? level.name() : level + " after visit of " + visit);
        if (visit != null) {
            assessmentVisitDate = visit;
        }
        return List.of(new PledgeReadinessChanged(id, conferenceId, memberState, previous, level, visit, now));
    }

    /** Deployed to a mission (a uniformed capability from Level 3 on), or a non-unit pledge fulfilled. */
    List<PledgeEvent> deploy(@Nullable String toMission, Instant now, String by) {
        if (category.uniformedCapability() && status == ACCEPTED) {
            throw new IllegalStateTransitionException(RESOURCE, status, "deploy");
        }
        move(DEPLOYED, "deploy", now, by, toMission == null ? "fulfilled" : "to " + toMission);
        mission = toMission;
        renewalDueAt = null;
        return List.of(new PledgeDeployed(id, conferenceId, memberState, toMission, now));
    }

    /** Withdrawn by the member state, at any point until it is final. */
    List<PledgeEvent> withdraw(String reason, Instant now, String by) {
        PledgeStatus previous = status;
        move(WITHDRAWN, "withdraw", now, by, reason);
        closingReason = reason;
        renewalDueAt = null;
        return List.of(new PledgeWithdrawn(id, conferenceId, memberState, previous, reason, now));
    }

    /** A party confirms its part; confirming again changes nothing. */
    List<PledgeEvent> confirmParty(String party, Instant now, String by) {
        if (PledgeLifecycle.FINAL.contains(status)) {
            throw new IllegalStateTransitionException(RESOURCE, status, "confirm a party of");
        }
        Party found = parties.stream().filter(p -> p.memberState().equals(party)).findFirst()
                .orElseThrow(() -> new RuleViolationException("not-a-party", new FieldViolation("memberState",
                        "not-a-party", party + " is not a party to this pledge")));
        if (found.confirmed()) {
            return List.of();
        }
        parties = parties.stream().map(p -> p == found ? p.confirm(now) : p).toList();
        history.add(new HistoryEntry(now, by, "confirm-party", status, status,
                party + " confirmed as " + found.role()));
        return List.of(new PledgePartyConfirmed(id, conferenceId, party, found.role(), allPartiesConfirmed(), now));
    }

    /**
     * Raises one {@code PledgeRenewalDue} per due date that has passed, and moves the due date on by the renewal
     * interval each time, in the same write; so running the sweep again raises nothing twice.
     */
    List<PledgeEvent> raiseDueRenewals(Period interval, Instant now, String by) {
        List<PledgeEvent> events = new ArrayList<>();
        while (renewalDueAt != null && !renewalDueAt.isAfter(now) && PledgeLifecycle.RENEWABLE.contains(status)) {
            renewalsRaised++;
            events.add(new PledgeRenewalDue(id, conferenceId, memberState, renewalsRaised, renewalDueAt, now));
            history.add(new HistoryEntry(now, by, "renewal-due", status, status,
                    "renewal " + renewalsRaised + " due " + renewalDueAt));
            renewalDueAt = plus(renewalDueAt, interval);
        }
        return events;
    }

    /**
     * The pledging state confirms the renewal that fell due; the next one falls due one renewal interval after the
     * confirmation. Refused, naming the status, when no renewal awaits confirmation or the pledge is no longer
     * renewable.
     */
    List<PledgeEvent> confirmRenewal(Period interval, Instant now, String by) {
        if (!renewalAwaitingConfirmation()) {
            String why = !PledgeLifecycle.RENEWABLE.contains(status) ? RESOURCE
                    : RESOURCE + " (no renewal is due" + (renewalDueAt != null ? "; next due " + renewalDueAt : "") + ")";
            throw new IllegalStateTransitionException(why, status, "confirm the renewal of");
        }
        renewalsConfirmed = renewalsRaised;
        renewalDueAt = plus(now, interval);
        history.add(new HistoryEntry(now, by, "confirm-renewal", status, status,
                "renewal " + renewalsConfirmed + " confirmed; next due " + renewalDueAt));
        return List.of(new PledgeRenewed(id, conferenceId, memberState, renewalsConfirmed, now, renewalDueAt));
    }

    /** Whether a renewal fell due and the pledging state has not confirmed it yet. */
    public boolean renewalAwaitingConfirmation() {
        return renewalsRaised > renewalsConfirmed && PledgeLifecycle.RENEWABLE.contains(status);
    }

    private void move(PledgeStatus to, String action, Instant now, String by, String detail) {
        if (!PledgeLifecycle.allows(status, to)) {
            throw new IllegalStateTransitionException(RESOURCE, status, action);
        }
        history.add(new HistoryEntry(now, by, action, status, to, detail));
        status = to;
    }

    private static List<EquipmentQuantity> equipmentOf(PledgeContent content) {
        return content.equipment().stream().map(e -> new EquipmentQuantity(e.item(), e.quantity())).toList();
    }

    private static List<FinancialAmount> moneyOf(PledgeContent content) {
        return content.financialContributions().stream()
                .map(f -> new FinancialAmount(f.amount(), f.currency(), f.purpose())).toList();
    }

    private static Instant plus(Instant instant, Period period) {
        return instant.atZone(ZoneOffset.UTC).plus(period).toInstant();
    }

    private static String describe(PledgeContent content) {
        return content.category() + ", " + content.units() + " units, " + content.personnel() + " personnel ("
                + content.womenPersonnel() + " women), " + content.equipmentItems() + " equipment items";
    }

    /** The current revision. */
    public PledgeContent current() {
        return revisions.getLast();
    }

    /** Whether every party has confirmed its part; a single-state pledge is confirmed by being made. */
    public boolean allPartiesConfirmed() {
        return parties.stream().allMatch(Party::confirmed);
    }

    /** Whether the member state leads the pledge or takes part in it. */
    public boolean involves(String state) {
        return memberState.equals(state) || parties.stream().anyMatch(p -> p.memberState().equals(state));
    }

    /** The figures that count for gaps and tallies. */
    public PledgeFigures figures() {
        PledgeContent content = current();
        return new PledgeFigures(id, conferenceId, memberState, content.category(), status, content.units(),
                content.personnel(), content.womenPersonnel(), content.equipmentItems(),
                announcement == null ? null : announcement.sessionId(), allPartiesConfirmed());
    }

    public String id() {
        return id;
    }

    public String conferenceId() {
        return conferenceId;
    }

    public String memberState() {
        return memberState;
    }

    public PledgeCategory category() {
        return category;
    }

    public PledgeStatus status() {
        return status;
    }

    public List<PledgeContent> revisions() {
        return List.copyOf(revisions);
    }

    public List<Party> parties() {
        return parties;
    }

    public @Nullable String receiptNumber() {
        return receiptNumber;
    }

    public @Nullable Announcement announcement() {
        return announcement;
    }

    public @Nullable String assessmentVisitDate() {
        return assessmentVisitDate;
    }

    public @Nullable String mission() {
        return mission;
    }

    public @Nullable String closingReason() {
        return closingReason;
    }

    public @Nullable Instant acceptedAt() {
        return acceptedAt;
    }

    public @Nullable Instant renewalDueAt() {
        return renewalDueAt;
    }

    public int renewalsRaised() {
        return renewalsRaised;
    }

    public int renewalsConfirmed() {
        return renewalsConfirmed;
    }

    @Nullable String requestFingerprint() {
        return requestFingerprint;
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }
}
