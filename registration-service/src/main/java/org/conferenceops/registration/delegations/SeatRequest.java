package org.conferenceops.registration.delegations;

/**
 * A seat asked for a delegate.
 *
 * @param delegateId the delegate who will hold it
 * @param role       the role it counts against
 */
public record SeatRequest(String delegateId, DelegationRole role) {
}
