package org.conferenceops.registration.delegations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conferenceops.events.registration.DelegationKind;
import org.conferenceops.events.registration.DelegationRegistered;
import org.conferenceops.platform.outbox.AggregateDocument;
import org.conferenceops.registration.conferences.DelegationSizeRule;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A delegation to one conference. Its id is {@code <conferenceId>-<code>}, so there is exactly one per state or
 * organisation per conference. It holds the seats its delegates occupy: the size rule is checked and the seat taken
 * in one conditional write, so concurrent registrations cannot exceed the cap.
 */
@Document("delegations")
public class Delegation extends AggregateDocument {

    @Id
    private final String id;
    @Indexed
    private final String conferenceId;
    private final DelegationKind kind;
    private final String code;
    private final String name;
    private @Nullable FocalPoint focalPoint;
    private final List<Seat> seats;
    private final Instant registeredAt;

    @PersistenceCreator
    Delegation(String id, String conferenceId, DelegationKind kind, String code, String name,
            @Nullable FocalPoint focalPoint, @Nullable List<Seat> seats, Instant registeredAt) {
        this.id = id;
        this.conferenceId = conferenceId;
        this.kind = kind;
        this.code = code;
        this.name = name;
        this.focalPoint = focalPoint;
        this.seats = seats == null ? new ArrayList<>() : new ArrayList<>(seats);
        this.registeredAt = registeredAt;
    }

    /** The id of a conference's delegation for a state or organisation code. */
    public static String idOf(String conferenceId, String code) {
        return conferenceId + "-" + code;
    }

    static Registered register(String conferenceId, DelegationKind kind, String code, String name,
            @Nullable FocalPoint focalPoint, Instant now) {
        Delegation delegation = new Delegation(idOf(conferenceId, code), conferenceId, kind, code, name, focalPoint,
                List.of(), now);
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
     * Takes a seat for each request in order, as far as the size rule allows. A delegate who already holds a seat
     * keeps it (a retried request is not counted twice).
     */
    Reservation reserve(List<SeatRequest> requests, DelegationSizeRule rule, Instant now) {
        List<String> seated = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (SeatRequest request : requests) {
            if (seatOf(request.delegateId()).isPresent()) {
                seated.add(request.delegateId());
                continue;
            }
            String reason = refusal(request.role(), rule);
            if (reason != null) {
                refused.put(request.delegateId(), reason);
                continue;
            }
            seats.add(new Seat(request.delegateId(), request.role(), now));
            seated.add(request.delegateId());
        }
        return new Reservation(seated, refused);
    }

    /** Frees the seats of these delegates; returns whether anything changed. */
    boolean release(Collection<String> delegateIds) {
        return seats.removeIf(seat -> delegateIds.contains(seat.delegateId()));
    }

    /** Hands a delegate's seat to their substitute; false when the delegate holds none. */
    boolean transfer(String from, String to, Instant now) {
        Optional<Seat> seat = seatOf(from);
        if (seat.isEmpty()) {
            return false;
        }
        seats.remove(seat.get());
        seats.add(new Seat(to, seat.get().role(), now));
        return true;
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
        return seats.stream().filter(seat -> seat.role() == role).count();
    }

    public Optional<Seat> seatOf(String delegateId) {
        return seats.stream().filter(seat -> seat.delegateId().equals(delegateId)).findFirst();
    }

    /** The head of delegation's delegate id, if one is registered. */
    public Optional<String> headOfDelegation() {
        return seats.stream().filter(seat -> seat.role() == DelegationRole.HEAD).map(Seat::delegateId).findFirst();
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

    public List<Seat> seats() {
        return List.copyOf(seats);
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
