package org.conferenceops.events.pledge;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A submitted pledge was corrected. A correction is a new revision; earlier revisions are kept in the pledge's
 * history. Carries the new quantities in full, so a consumer never adds up differences.
 *
 * <p>Type {@code pledge.PledgeRevised}, version 1, published by pledge-service on
 * {@code conference-ops.pledge}, key = {@code pledgeId}.
 *
 * @param pledgeId               the pledge's id; the record key
 * @param conferenceId           the conference (edition) the pledge was made at, e.g. seoul-2021
 * @param memberState            the pledging (lead) member state, ISO 3166-1 alpha-3, e.g. KOR
 * @param category               what is pledged, as of this revision
 * @param revision               the new revision, 2 or more
 * @param units                  whole units offered (battalions, companies, hospitals, aviation units…), >= 0
 * @param personnel              personnel offered, >= 0
 * @param womenPersonnel         of which women, 0..personnel
 * @param equipmentItems         equipment items offered in total (e.g. helicopters), >= 0
 * @param revisedAt              when the correction was accepted (UTC)
 * @param equipment              the equipment lines that make up {@code equipmentItems}; since #5 (added within
 *                               version 1): null in events published before, empty when none is offered
 * @param financialContributions money pledged, exact amounts with currencies (see {@link FinancialAmount}); since #5
 *                               (added within version 1): null in events published before, empty when none
 */
public record PledgeRevised(String pledgeId, String conferenceId, String memberState, PledgeCategory category,
        int revision, int units, int personnel, int womenPersonnel, int equipmentItems, Instant revisedAt,
        @Nullable List<EquipmentQuantity> equipment, @Nullable List<FinancialAmount> financialContributions)
        implements PledgeEvent {

    public PledgeRevised {
        Objects.requireNonNull(pledgeId, "pledgeId");
        Objects.requireNonNull(conferenceId, "conferenceId");
        Objects.requireNonNull(memberState, "memberState");
        Objects.requireNonNull(category, "category");
        if (revision < 0) {
            throw new IllegalArgumentException("revision must be >= 0");
        }
        if (units < 0) {
            throw new IllegalArgumentException("units must be >= 0");
        }
        if (personnel < 0) {
            throw new IllegalArgumentException("personnel must be >= 0");
        }
        if (womenPersonnel < 0) {
            throw new IllegalArgumentException("womenPersonnel must be >= 0");
        }
        if (equipmentItems < 0) {
            throw new IllegalArgumentException("equipmentItems must be >= 0");
        }
        Objects.requireNonNull(revisedAt, "revisedAt");
        equipment = equipment == null ? null : List.copyOf(equipment);
        financialContributions = financialContributions == null ? null : List.copyOf(financialContributions);
    }

    @Override
    public String aggregateId() {
        return pledgeId;
    }
}
