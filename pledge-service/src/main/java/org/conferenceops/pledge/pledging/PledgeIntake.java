package org.conferenceops.pledge.pledging;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.conferenceops.events.pledge.PartyRole;
import org.conferenceops.events.pledge.PledgeCategory;
import org.conferenceops.events.pledge.PledgeEvent;
import org.conferenceops.events.pledge.PledgeStatus;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.platform.ids.RandomIds;
import org.conferenceops.platform.outbox.EventOutbox;
import org.conferenceops.platform.problem.ConflictException;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.NotFoundException;
import org.conferenceops.platform.problem.RuleViolationException;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.pledge.programme.Programme.Speaker;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The use cases of pledges: submit (idempotent per {@code Idempotency-Key}), correct, move through the lifecycle,
 * confirm a party's part, and read back, each for those allowed to. Every change is stored with its events in one
 * write and then announced in-process ({@link PledgeChanged}) so the gap follows at once.
 */
@Service
public class PledgeIntake {

    private final PledgeRepository pledges;
    private final EventOutbox outbox;
    private final Clock clock;
    private final PledgeProperties properties;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final MemberStates memberStates;
    private final AnnouncementLink announcementLink;

    PledgeIntake(PledgeRepository pledges, EventOutbox outbox, Clock clock, PledgeProperties properties,
            ApplicationEventPublisher publisher, JsonMapper json, MeterRegistry meters, MemberStates memberStates,
            AnnouncementLink announcementLink) {
        this.pledges = pledges;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
        this.publisher = publisher;
        this.json = json;
        this.meters = meters;
        this.memberStates = memberStates;
        this.announcementLink = announcementLink;
    }

    /** The outcome of a submission: the pledge, and whether it is the replay of an earlier identical request. */
    public record Submission(Pledge pledge, boolean replayed) {
    }

    /**
     * Submits a pledge (or stores a draft). With an idempotency key, the pledge id is derived from the caller and
     * the key, so a retry finds what the first attempt stored and creates nothing; reusing a key for a different
     * request is a conflict.
     */
    public Submission submit(CurrentUser caller, String conferenceId, @Nullable String idempotencyKey,
            SubmitPledgeRequest request) {
        String memberState = pledgingState(caller, conferenceId, request.memberState());
        String fingerprint = fingerprint(conferenceId, request);
        String id = idempotencyKey == null ? "plg-" + RandomIds.next()
                : "plg-" + UUID.nameUUIDFromBytes((caller.subject() + "\n" + idempotencyKey)
                        .getBytes(StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            Pledge earlier = pledges.findById(id).orElse(null);
            if (earlier != null) {
                return replay(earlier, fingerprint);
            }
        }
        List<Party> parties = parties(request);
        Pledge.Created created = Pledge.create(id, conferenceId, memberState, request.offer().toOffer(), parties,
                request.keepAsDraft(), idempotencyKey, fingerprint, clock.instant(), caller.subject());
        try {
            outbox.save(created.pledge(), created.events());
        }
        catch (DuplicateKeyException e) {
            if (idempotencyKey == null) {
                throw new ConflictException("pledge " + id + " exists already");
            }
            return replay(pledges.findById(id).orElseThrow(() -> e), fingerprint);
        }
        meters.counter("pledges.submitted", "category", created.pledge().category().name(),
                "draft", String.valueOf(request.keepAsDraft())).increment();
        publisher.publishEvent(new PledgeChanged(id, EnumSet.of(created.pledge().category())));
        return new Submission(created.pledge(), false);
    }

    /** A pledge, if the caller may see it (organisers, and focal points of a state taking part). */
    public Pledge find(CurrentUser caller, String pledgeId) {
        return pledges.findById(pledgeId).filter(p -> maySee(caller, p))
                .orElseThrow(() -> new NotFoundException("pledge", pledgeId));
    }

    /** The pledges of a conference the caller may see. */
    public List<Pledge> list(CurrentUser caller, String conferenceId) {
        return pledges.findByConferenceId(conferenceId).stream().filter(p -> maySee(caller, p)).toList();
    }

    /** A correction, stored as a new revision. */
    public Pledge revise(CurrentUser caller, String pledgeId, OfferRequest offer) {
        return changeAsLead(caller, pledgeId, p -> p.revise(offer.toOffer(), clock.instant(), caller.subject()));
    }

    /** Submits a draft. */
    public Pledge submitDraft(CurrentUser caller, String pledgeId) {
        return changeAsLead(caller, pledgeId, p -> p.submit(clock.instant(), caller.subject()));
    }

    /** Withdraws a pledge. */
    public Pledge withdraw(CurrentUser caller, String pledgeId, String reason) {
        return changeAsLead(caller, pledgeId, p -> p.withdraw(reason, clock.instant(), caller.subject()));
    }

    /**
     * The pledging state's focal point (or an organiser) confirms the renewal that fell due; the next one falls due a
     * renewal interval (six months) after this confirmation. 409 naming the status when none is due.
     */
    public Pledge confirmRenewal(CurrentUser caller, String pledgeId) {
        return changeAsLead(caller, pledgeId,
                p -> p.confirmRenewal(properties.renewalInterval(), clock.instant(), caller.subject()));
    }

    /** Organiser: acknowledges receipt. */
    public Pledge acknowledge(CurrentUser caller, String pledgeId) {
        return change(caller, pledgeId, p -> p.acknowledge(clock.instant(), caller.subject()));
    }

    /**
     * Organiser: records the announcement in a session, linked to a pledge-announcement slot on its speakers list
     * (named by inscription id, or by the speaker's name); 422 {@code announcement-link} when there is no such slot.
     */
    public Pledge announce(CurrentUser caller, String pledgeId, String sessionId, @Nullable String inscriptionId,
            @Nullable String speakerName) {
        Pledge pledge = find(caller, pledgeId);
        Speaker speaker = announcementLink.resolve(pledge, sessionId, inscriptionId, speakerName);
        return save(pledge, pledge.category(), pledge.announce(sessionId, speaker.inscriptionId(), speaker.name(),
                speaker.title(), speaker.delegationId(), clock.instant(), caller.subject()));
    }

    /**
     * Records an announcement made at a past conference (seed data), whose speakers list session-service never
     * published: no link to an inscription is checked or stored.
     */
    public Pledge recordPastAnnouncement(CurrentUser caller, String pledgeId, String sessionId, String speaker) {
        return change(caller, pledgeId, p -> p.announce(sessionId, null, speaker, null, null, clock.instant(),
                caller.subject()));
    }

    /** Organiser: accepts the pledge; the renewal clock starts. */
    public Pledge accept(CurrentUser caller, String pledgeId) {
        return change(caller, pledgeId, p -> p.accept(properties.firstRenewalAfter(), clock.instant(),
                caller.subject()));
    }

    /** Organiser: declines the pledge. */
    public Pledge decline(CurrentUser caller, String pledgeId, String reason) {
        return change(caller, pledgeId, p -> p.decline(reason, clock.instant(), caller.subject()));
    }

    /** Organiser: moves the pledge to the next PCRS readiness level. */
    public Pledge changeReadiness(CurrentUser caller, String pledgeId, PledgeStatus level,
            @Nullable LocalDate assessmentVisitDate) {
        return change(caller, pledgeId, p -> p.changeReadiness(level, assessmentVisitDate, clock.instant(),
                caller.subject()));
    }

    /** Organiser: records deployment (or fulfilment). */
    public Pledge deploy(CurrentUser caller, String pledgeId, @Nullable String mission) {
        return change(caller, pledgeId, p -> p.deploy(mission, clock.instant(), caller.subject()));
    }

    /** A party (its focal point, or an organiser) confirms its part of a multi-party pledge. */
    public Pledge confirmParty(CurrentUser caller, String pledgeId, String memberState) {
        Pledge pledge = find(caller, pledgeId);
        if (!caller.isOrganizer() && !memberStates.of(caller).map(memberState::equals).orElse(false)) {
            throw new AccessDeniedException("only " + memberState + "'s focal point confirms its part");
        }
        return save(pledge, pledge.category(), pledge.confirmParty(memberState, clock.instant(), caller.subject()));
    }

    private Pledge changeAsLead(CurrentUser caller, String pledgeId, Function<Pledge, List<PledgeEvent>> command) {
        Pledge pledge = find(caller, pledgeId);
        if (!caller.isOrganizer() && !memberStates.of(caller).map(pledge.memberState()::equals).orElse(false)) {
            throw new AccessDeniedException("only the pledging state's focal point or an organiser changes it");
        }
        PledgeCategory before = pledge.category();
        return save(pledge, before, command.apply(pledge));
    }

    private Pledge change(CurrentUser caller, String pledgeId, Function<Pledge, List<PledgeEvent>> command) {
        Pledge pledge = find(caller, pledgeId);
        PledgeCategory before = pledge.category();
        return save(pledge, before, command.apply(pledge));
    }

    private Pledge save(Pledge pledge, PledgeCategory before, List<PledgeEvent> events) {
        Pledge saved = outbox.save(pledge, events);
        if (!events.isEmpty()) {
            Set<PledgeCategory> categories = EnumSet.of(before, saved.category());
            publisher.publishEvent(new PledgeChanged(saved.id(), categories));
        }
        return saved;
    }

    private boolean maySee(CurrentUser caller, Pledge pledge) {
        return caller.isOrganizer() || memberStates.of(caller).map(pledge::involves).orElse(false);
    }

    /**
     * The state pledged for: a focal point's own, as its registered delegation says (in that delegation's conference
     * only), or the organiser's choice.
     */
    private String pledgingState(CurrentUser caller, String conferenceId, @Nullable String requested) {
        if (caller.isOrganizer()) {
            if (requested == null) {
                throw new RuleViolationException("member-state-required", new FieldViolation("memberState",
                        "required", "an organiser pledging on a state's behalf names the state"));
            }
            return known(requested);
        }
        String own = memberStates.pledgingStateOf(caller, conferenceId);
        if (requested != null && !requested.equals(own)) {
            throw new RuleViolationException("own-state-only", new FieldViolation("memberState",
                    "another-state", "a focal point pledges for its own state (" + own + ") only"));
        }
        return own;
    }

    private static String known(String memberState) {
        if (!MemberStates.isKnown(memberState)) {
            throw new RuleViolationException("unknown-member-state", new FieldViolation("memberState",
                    "unknown-member-state", "is not an ISO 3166-1 alpha-3 country code"));
        }
        return memberState;
    }

    private static List<Party> parties(SubmitPledgeRequest request) {
        List<Party> parties = new ArrayList<>();
        List<SubmitPledgeRequest.PartyRequest> requested = request.parties() == null ? List.of() : request.parties();
        for (int i = 0; i < requested.size(); i++) {
            SubmitPledgeRequest.PartyRequest party = requested.get(i);
            if (!MemberStates.isKnown(party.memberState())) {
                throw new RuleViolationException("unknown-member-state", new FieldViolation(
                        "parties[" + i + "].memberState", "unknown-member-state", "is not an ISO 3166-1 alpha-3 code"));
            }
            if (party.role() == PartyRole.UNKNOWN) {
                throw new RuleViolationException("unknown-role", new FieldViolation("parties[" + i + "].role",
                        "unknown-role", "must be CONTRIBUTOR, PARTNER or FUNDER"));
            }
            parties.add(new Party(party.memberState(), party.role(), null));
        }
        if (request.offer().descriptionLanguage() == UnLanguage.UNKNOWN) {
            throw new RuleViolationException("unknown-language", new FieldViolation("offer.descriptionLanguage",
                    "unknown-language", "must be one of ar, zh, en, fr, ru, es"));
        }
        return parties;
    }

    private Submission replay(Pledge earlier, String fingerprint) {
        if (!fingerprint.equals(earlier.requestFingerprint())) {
            throw new ConflictException("this Idempotency-Key was already used for a different pledge request");
        }
        return new Submission(earlier, true);
    }

    private String fingerprint(String conferenceId, SubmitPledgeRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(conferenceId.getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
