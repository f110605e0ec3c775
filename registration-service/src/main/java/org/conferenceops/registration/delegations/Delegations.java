package org.conferenceops.registration.delegations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.conferenceops.events.registration.DelegationKind;
import org.conferenceops.platform.outbox.EventOutbox;
import org.conferenceops.platform.problem.ConflictException;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.NotFoundException;
import org.conferenceops.platform.problem.RuleViolationException;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.registration.conferences.Conference;
import org.conferenceops.registration.conferences.Conferences;
import org.conferenceops.platform.contention.Contended;
import org.conferenceops.registration.reference.State;
import org.conferenceops.registration.reference.States;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Registering delegations, reading them for those allowed to, and managing their seats. */
@Service
public class Delegations {

    /** Seats reserved longer ago than this without a delegate document are orphans of a crashed registration. */
    static final Duration ORPHAN_GRACE = Duration.ofMinutes(2);

    private final DelegationRepository delegations;
    private final Conferences conferences;
    private final States states;
    private final EventOutbox outbox;
    private final Clock clock;

    Delegations(DelegationRepository delegations, Conferences conferences, States states, EventOutbox outbox,
            Clock clock) {
        this.delegations = delegations;
        this.conferences = conferences;
        this.states = states;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Registers a delegation for a conference (organisers only); states must be on the reference lists. */
    public Delegation register(String conferenceId, RegisterDelegationRequest request) {
        Conference conference = conferences.require(conferenceId);
        String name = switch (request.kind()) {
            case MEMBER_STATE, OBSERVER_STATE -> {
                State state = states.find(request.code())
                        .filter(s -> s.observer() == (request.kind() == DelegationKind.OBSERVER_STATE))
                        .orElseThrow(() -> new RuleViolationException("unknown-country", new FieldViolation("code",
                                "unknown-country", request.kind() == DelegationKind.MEMBER_STATE
                                        ? "must be the ISO 3166-1 alpha-3 code of a UN member state"
                                        : "must be the ISO 3166-1 alpha-3 code of an observer state")));
                yield state.name();
            }
            case ORGANISATION -> {
                if (request.name() == null || request.name().isBlank()) {
                    throw new RuleViolationException("organisation-name", new FieldViolation("name", "not-blank",
                            "an organisation needs a name"));
                }
                yield request.name().strip();
            }
            case UNKNOWN -> throw new RuleViolationException("delegation-kind",
                    new FieldViolation("kind", "invalid-value", "must be MEMBER_STATE, OBSERVER_STATE or ORGANISATION"));
        };
        Delegation.Registered registered = Delegation.register(conference.id(), request.kind(), request.code(), name,
                request.focalPoint(), clock.instant());
        try {
            return outbox.save(registered.delegation(), registered.events());
        }
        catch (DuplicateKeyException e) {
            throw new ConflictException("a delegation for " + request.code() + " is already registered for "
                    + conferenceId);
        }
    }

    /** Registers a delegation unless it exists: the idempotent path of the demo seed. */
    public void registerIfAbsent(String conferenceId, RegisterDelegationRequest request) {
        if (!delegations.existsById(Delegation.idOf(conferenceId, request.code()))) {
            try {
                register(conferenceId, request);
            }
            catch (ConflictException e) {
                // registered concurrently: the seed's goal is met
            }
        }
    }

    /** The ids of a conference's delegations. */
    public List<String> idsOf(String conferenceId) {
        return delegations.findByConferenceIdOrderByCodeAsc(conferenceId).stream().map(Delegation::id).toList();
    }

    /** A delegation of this conference the caller may act for; 404 otherwise, also for another conference's. */
    public Delegation require(CurrentUser caller, String conferenceId, String delegationId) {
        return delegations.findById(delegationId)
                .filter(d -> d.conferenceId().equals(conferenceId))
                .filter(d -> caller.mayActForDelegation(d.id()))
                .orElseThrow(() -> new NotFoundException("delegation", delegationId));
    }

    /**
     * A delegation of this conference the caller may act for, named by its id or by its code (e.g. {@code KOR}); empty
     * otherwise.
     */
    public java.util.Optional<Delegation> find(CurrentUser caller, String conferenceId, String idOrCode) {
        return delegations.findById(idOrCode)
                .or(() -> delegations.findById(Delegation.idOf(conferenceId, idOrCode)))
                .filter(d -> d.conferenceId().equals(conferenceId))
                .filter(d -> caller.mayActForDelegation(d.id()));
    }

    /** A seat reserved for a delegate whose document has not been seen yet (see {@link Delegation}). */
    public java.util.Optional<Seat> reservationOf(String delegationId, String delegateId) {
        return delegations.findById(delegationId).flatMap(d -> d.reservationOf(delegateId));
    }

    /** The seats a delegation's delegates hold, per role. */
    public SeatCounts taken(String delegationId) {
        return delegations.findById(delegationId).map(Delegation::taken)
                .orElseThrow(() -> new NotFoundException("delegation", delegationId));
    }

    /** The delegations of a conference the caller may see: all for organisers, their own for a focal point. */
    public List<Delegation> visible(CurrentUser caller, String conferenceId) {
        conferences.require(conferenceId);
        return delegations.findByConferenceIdOrderByCodeAsc(conferenceId).stream()
                .filter(d -> caller.mayActForDelegation(d.id())).toList();
    }

    /**
     * Takes seats for delegates in one conditional write. A write that lost the race to another request on the
     * delegation is run again from a fresh read ({@link Contended}); still contended, the answer is 503. Every
     * {@link Delegation#SETTLE_AT} reservations, and whenever the cap refuses someone, the listed reservations are
     * settled first: those whose delegates exist leave the list, and orphans of crashed registrations (no delegate
     * document after {@link #ORPHAN_GRACE}) are freed, after which a refused reservation is tried again.
     *
     * @param delegateExists tells whether a delegate document exists, to settle reservations
     */
    public Delegation.Reservation reserve(String delegationId, List<SeatRequest> requests,
            Predicate<String> delegateExists) {
        return reserve(delegationId, null, null, requests, delegateExists);
    }

    /**
     * {@link #reserve(String, List, Predicate)} starting from the delegation and conference the caller has just read
     * (a registration reads both to check the request): the first attempt writes from them, conditionally on the
     * delegation's version as read, instead of reading both again — two reads of each per registration before. The
     * delegation object is the first attempt's and is changed by it; a retry reads afresh.
     */
    public Delegation.Reservation reserve(Delegation loaded, Conference conference, List<SeatRequest> requests,
            Predicate<String> delegateExists) {
        return reserve(loaded.id(), loaded, conference, requests, delegateExists);
    }

    private Delegation.Reservation reserve(String delegationId, @Nullable Delegation loaded,
            @Nullable Conference loadedConference, List<SeatRequest> requests, Predicate<String> delegateExists) {
        java.util.concurrent.atomic.AtomicReference<@Nullable Delegation> firstAttempt =
                new java.util.concurrent.atomic.AtomicReference<>(loaded);
        return Contended.retry("delegation " + delegationId, () -> {
            Delegation read = firstAttempt.getAndSet(null);
            Delegation delegation = read != null ? read : delegations.findById(delegationId)
                    .orElseThrow(() -> new NotFoundException("delegation", delegationId));
            Conference conference = loadedConference != null
                    && loadedConference.id().equals(delegation.conferenceId()) ? loadedConference
                    : conferences.require(delegation.conferenceId());
            Instant now = clock.instant();
            boolean settled = delegation.shouldSettle();
            boolean changed = settled && delegation.settle(delegateExists, now.minus(ORPHAN_GRACE)).changed();
            Delegation.Reservation first = delegation.reserve(requests, conference.sizeRule(), now);
            Delegation.Reservation reservation = first;
            changed |= !first.seated().isEmpty();
            if (!first.refused().isEmpty() && !settled
                    && delegation.settle(delegateExists, now.minus(ORPHAN_GRACE)).freed() > 0) {
                Delegation.Reservation retried = delegation.reserve(requests.stream()
                        .filter(r -> first.refused().containsKey(r.delegateId())).toList(),
                        conference.sizeRule(), now);
                java.util.Set<String> seated = new java.util.HashSet<>(first.seated());
                seated.addAll(retried.seated());
                reservation = new Delegation.Reservation(requests.stream().map(SeatRequest::delegateId)
                        .filter(seated::contains).toList(), retried.refused());
                changed = true;
            }
            if (changed) {
                // a refusal alone writes nothing: it does not contend with the registrations that do take seats
                outbox.save(delegation, List.of());
            }
            return reservation;
        });
    }

    /**
     * Gives back the seats reserved for delegates whose documents were never written (refused or failed after the
     * reservation). A delegate with no listed reservation is passed over, so giving back twice is harmless.
     */
    public void giveBack(String delegationId, Collection<String> delegateIds) {
        if (delegateIds.isEmpty()) {
            return;
        }
        retrying(delegationId, delegation -> delegation.giveBack(delegateIds));
    }

    /**
     * Frees the seat of a delegate who leaves. Call it once per delegate, after the write that withdrew or erased
     * them succeeded: a settled seat is known only by its count.
     */
    public void release(String delegationId, String delegateId, DelegationRole role) {
        retrying(delegationId, delegation -> {
            delegation.release(delegateId, role);
            return true;
        });
    }

    /** Gives a delegate's seat to their substitute. */
    public void transfer(String delegationId, String from, String to) {
        retrying(delegationId, delegation -> delegation.transfer(from, to, clock.instant()));
    }

    private void retrying(String delegationId, Predicate<Delegation> change) {
        Contended.retry("delegation " + delegationId, () -> {
            Delegation delegation = delegations.findById(delegationId)
                    .orElseThrow(() -> new NotFoundException("delegation", delegationId));
            if (change.test(delegation)) {
                outbox.save(delegation, List.of());
            }
            return delegation;
        });
    }
}
