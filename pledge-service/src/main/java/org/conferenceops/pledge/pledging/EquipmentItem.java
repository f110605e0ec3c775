package org.conferenceops.pledge.pledging;

/**
 * Major equipment offered with a pledge.
 *
 * @param item     what, in words, e.g. {@code Mi-17 utility helicopter}
 * @param quantity how many, at least 1
 */
public record EquipmentItem(String item, int quantity) {
}
