package org.conferenceops.events.pledge;

import java.util.Objects;

/**
 * Major equipment offered with a pledge, one line per kind.
 *
 * @param item     what, in words, e.g. {@code Mi-17 utility helicopter}
 * @param quantity how many, >= 1
 */
public record EquipmentQuantity(String item, int quantity) {

    public EquipmentQuantity {
        Objects.requireNonNull(item, "item");
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must be >= 0");
        }
    }
}
