package org.conferenceops.registration.delegations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.conferenceops.events.registration.DelegationKind;
import org.conferenceops.events.registration.DelegationRegistered;
import org.conferenceops.platform.outbox.AggregateDocument;
import org.conferenceops.registration.conferences.DelegationSizeRule;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A delegation to one conference. Its id is {@code <conferenceId>-<code>}, so there is exactly one per state or
 * organisation per conference. It counts the seats its delegates occupy: the size rule is checked and the seat taken
 * in one conditional write, so concurrent registrations cannot exceed the cap.
 *
 * <p>A seat is counted in {@link #taken()} from its reservation until it is freed. Only seats whose delegate document
 * has not been seen yet are listed ({@link #reservations()}): a crash between the reservation and the delegate's own
 * write leaves such a seat without a delegate, and it is freed after {@link Delegations#ORPHAN_GRACE}. Once the
 * delegate's document exists the seat is settled and leaves the list, so the document stays the same size however
 * many delegates register — a list of every seat made each registration read and rewrite all of them (470 seats,
 * about 170 KB in the embedded server's memory, per registration in the benchmark; docs/benchmarks.md).
 */
@Document("delegations")
public class Delegation extends AggregateDocument {

    /** Reservations listed before the next write settles those whose delegates exist. */
    static final int SETTLE_AT = 16;

    @Id
    private final String id;
    @Indexed
    private final String conferenceId;
    private final DelegationKind kind;
    private final String code;
    private final String name;
    private @Nullable FocalPoint focalPoint;
    /** Seats whose delegate document has not been seen yet; stored as {@code seats}, the field of every seat before. */
    @Field("seats")
    private final List<Seat> reservations;
    private SeatCounts taken;
    private @Nullable String headOfDelegation;
    private final Instant registeredAt;

    /**
     * From a stored document. One written before seats were counted lists every seat under {@code seats} and has no
     * counts: its seats are counted here, listed as reservations, and settle on the next writes.
     */
    @PersistenceCreator
    Delegation(String id, String conferenceId, DelegationKind kind, String code, String name,
            @Nullable FocalPoint focalPoint, @Nullable List<Seat> reservations, @Nullable SeatCounts taken,
            @Nullable String headOfDelegation, Instant registeredAt) {
        this.id = id;
        this.conferenceId = conferenceId;
        this.kind = kind;
        this.code = code;
        this.name = name;
        this.focalPoint = focalPoint;
        this.reservations = reservations == null ? new ArrayList<>() : new ArrayList<>(reservations);
        this.registeredAt = registeredAt;
        if (taken == null) {
            SeatCounts counted = SeatCounts.NONE;
            for (Seat seat : this.reservations) {
                counted = counted.plus(seat.role(), 1);
            }
            this.taken = counted;
            this.headOfDelegation = this.reservations.stream().filter(seat -> seat.role() == DelegationRole.HEAD)
                    .map(Seat::delegateId).findFirst().orElse(null);
        }
        else {
            this.taken = taken;
            this.headOfDelegation = headOfDelegation;
        }
    }

    /** The id of a conference's delegation for a state or organisation code. */
    public static String idOf(String conferenceId, String code) {
        return conferenceId + "-" + code;
    }

    static Registered register(String conferenceId, DelegationKind kind, String code, String name,
            @Nullable FocalPoint focalPoint, Instant now) {
        Delegation delegation = new Delegation(idOf(conferenceId, code), conferenceId, kind, code, name, focalPoint,
                List.of(), SeatCounts.NONE, null, now);
        return new Registered(delegation, List.of(new DelegationRegistered(delegation.id, conferenceId, kind, code,
                name, now)));
    }

    /** A new delegation with its event. */
    record Registered(Delegation delegation, List<DelegationRegistered> events) {
    }

    /** The outcome of a reservation: who got a seat and why others did not. */
    public record Reservation(List<String> seated, Map<String, String> refused) {
    }

    /**
     * Takes a seat for each request in order, as far as the size rule allows. A delegate whose reservation is still
     * listed keeps it (a retried request is not counted twice); a caller does not ask again for a delegate whose
     * document exists.
     */
    Reservation reserve(List<SeatRequest> requests, DelegationSizeRule rule, Instant now) {
        List<String> seated = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (SeatRequest request : requests) {
            if (reservationOf(request.delegateId()).isPresent()) {
                seated.add(request.delegateId());
                continue;
            }
            String reason = refusal(request.role(), rule);
            if (reason != null) {
                refused.put(request.delegateId(), reason);
                continue;
            }
            reservations.add(new Seat(request.delegateId(), request.role(), now));
            taken = taken.plus(request.role(), 1);
            if (request.role() == DelegationRole.HEAD) {
                headOfDelegation = request.delegateId();
            }
            seated.add(request.delegateId());
        }
        return new Reservation(seated, refused);
    }

    /** Whether enough reservations are listed that the next write should settle them. */
    boolean shouldSettle() {
        return reservations.size() >= SETTLE_AT;
    }

    /**
     * Takes the reservations whose delegates exist off the list (their seats stay counted) and frees those reserved
     * before {@code orphanedBefore} whose delegates do not: orphans of a registration that failed after its
     * reservation. Returns how many of each.
     */
    Settled settle(Predicate<String> delegateExists, Instant orphanedBefore) {
        int settled = 0;
        int freed = 0;
        for (Iterator<Seat> seats = reservations.iterator(); seats.hasNext(); ) {
            Seat seat = seats.next();
            if (delegateExists.test(seat.delegateId())) {
                seats.remove();
                settled++;
            }
            else if (seat.reservedAt().isBefore(orphanedBefore)) {
                seats.remove();
                free(seat.delegateId(), seat.role());
                freed++;
            }
        }
        return new Settled(settled, freed);
    }

    /** What {@link #settle} did: reservations settled (their delegates exist) and orphans freed. */
    record Settled(int settled, int freed) {

        boolean changed() {
            return settled + freed > 0;
        }
    }

    /**
     * Gives back the reservations of delegates whose documents were never written (a registration refused or failed
     * after its reservation); returns whether anything changed. Nothing happens for a delegate with no listed
     * reservation, so giving back twice frees one seat.
     */
    boolean giveBack(Collection<String> delegateIds) {
        boolean changed = false;
        for (String delegateId : delegateIds) {
            Optional<Seat> seat = reservationOf(delegateId);
            if (seat.isPresent()) {
                reservations.remove(seat.get());
                free(delegateId, seat.get().role());
                changed = true;
            }
        }
        return changed;
    }

    /**
     * Frees the seat of a delegate who leaves (withdrawn or erased). The caller calls this once per delegate, on the
     * change that ends their registration: a settled seat is known only by its count.
     */
    void release(String delegateId, DelegationRole role) {
        Optional<Seat> seat = reservationOf(delegateId);
        seat.ifPresent(reservations::remove);
        free(delegateId, seat.map(Seat::role).orElse(role));
    }

    private void free(String delegateId, DelegationRole role) {
        taken = taken.plus(role, -1);
        if (delegateId.equals(headOfDelegation)) {
            headOfDelegation = null;
        }
    }

    /**
     * Hands a delegate's seat to their substitute, who takes the same role; returns whether the document changed (a
     * settled seat of anyone but the head of delegation is only a count, which stays).
     */
    boolean transfer(String from, String to, Instant now) {
        boolean changed = false;
        Optional<Seat> seat = reservationOf(from);
        if (seat.isPresent()) {
            reservations.remove(seat.get());
            reservations.add(new Seat(to, seat.get().role(), now));
            changed = true;
        }
        if (from.equals(headOfDelegation)) {
            headOfDelegation = to;
            changed = true;
        }
        return changed;
    }

    void replaceFocalPoint(FocalPoint focalPoint) {
        this.focalPoint = focalPoint;
    }

    private @Nullable String refusal(DelegationRole role, DelegationSizeRule rule) {
        return switch (role) {
            case HEAD -> count(DelegationRole.HEAD) > 0 ? "the delegation already has a head of delegation"
                    : representatives() >= rule.representatives()
                            ? "all " + rule.representatives() + " representative seats are taken" : null;
            case REPRESENTATIVE -> representatives() >= rule.representatives()
                    ? "all " + rule.representatives() + " representative seats are taken" : null;
            case ALTERNATE -> count(DelegationRole.ALTERNATE) >= rule.alternates()
                    ? "all " + rule.alternates() + " alternate seats are taken" : null;
            case ADVISER -> count(DelegationRole.ADVISER) >= rule.advisers()
                    ? "all " + rule.advisers() + " adviser seats are taken" : null;
        };
    }

    private long representatives() {
        return count(DelegationRole.HEAD) + count(DelegationRole.REPRESENTATIVE);
    }

    /** How many seats of a role are taken. */
    public long count(DelegationRole role) {
        return taken.of(role);
    }

    /** The seats taken, per role. */
    public SeatCounts taken() {
        return taken;
    }

    /** A seat reserved for a delegate whose document has not been seen yet. */
    public Optional<Seat> reservationOf(String delegateId) {
        return reservations.stream().filter(seat -> seat.delegateId().equals(delegateId)).findFirst();
    }

    /** The seats reserved for delegates whose documents have not been seen yet, oldest first. */
    public List<Seat> reservations() {
        return List.copyOf(reservations);
    }

    /** The head of delegation's delegate id, if one is registered. */
    public Optional<String> headOfDelegation() {
        return Optional.ofNullable(headOfDelegation);
    }

    public String id() {
        return id;
    }

    public String conferenceId() {
        return conferenceId;
    }

    public DelegationKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public @Nullable FocalPoint focalPoint() {
        return focalPoint;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
