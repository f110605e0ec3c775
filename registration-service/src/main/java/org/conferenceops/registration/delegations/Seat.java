package org.conferenceops.registration.delegations;

import java.time.Instant;

/**
 * A delegation seat held by a delegate. Reserved before the delegate's own document is written, so a crash between
 * the two writes can leave a seat without a delegate: the delegation lists it until the delegate's document is seen,
 * and {@link Delegations} frees such orphans after a grace period ({@link Delegation}).
 *
 * @param delegateId the holder
 * @param role       the role the seat counts against
 * @param reservedAt when it was reserved
 */
public record Seat(String delegateId, DelegationRole role, Instant reservedAt) {
}
