package org.conferenceops.events.pledge;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A member state's focal point, or an organiser on its behalf, submitted a pledge. The first event of its key; the
 * quantities are those of revision 1 and are exact integers.
 *
 * <p>Type {@code pledge.PledgeSubmitted}, version 1, published by pledge-service on
 * {@code conference-ops.pledge}, key = {@code pledgeId}.
 *
 * @param pledgeId               the pledge's id; the record key
 * @param conferenceId           the conference (edition) the pledge was made at, e.g. seoul-2021
 * @param memberState            the pledging (lead) member state, ISO 3166-1 alpha-3, e.g. KOR
 * @param category               what is pledged
 * @param revision               the content revision submitted, 1 for a first submission
 * @param units                  whole units offered (battalions, companies, hospitals, aviation units…), >= 0
 * @param personnel              personnel offered, >= 0
 * @param womenPersonnel         of which women, 0..personnel
 * @param equipmentItems         equipment items offered in total (e.g. helicopters), >= 0
 * @param partyCount             member states taking part, the pledging state included; 1 for a single-state pledge
 * @param submittedAt            when the submission was accepted (UTC)
 * @param equipment              the equipment lines that make up {@code equipmentItems}; since #5 (added within
 *                               version 1): null in events published before, empty when none is offered
 * @param financialContributions money pledged, exact amounts with currencies (see {@link FinancialAmount}); since #5
 *                               (added within version 1): null in events published before, empty when none
 * @param parties                every member state taking part, the pledging state first, each with its role; since
 *                               #5 (added within version 1): null in events published before
 */
public record PledgeSubmitted(String pledgeId, String conferenceId, String memberState, PledgeCategory category,
        int revision, int units, int personnel, int womenPersonnel, int equipmentItems, int partyCount,
        Instant submittedAt, @Nullable List<EquipmentQuantity> equipment,
        @Nullable List<FinancialAmount> financialContributions, @Nullable List<PledgeParty> parties)
        implements PledgeEvent {

    public PledgeSubmitted {
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
        if (partyCount < 0) {
            throw new IllegalArgumentException("partyCount must be >= 0");
        }
        Objects.requireNonNull(submittedAt, "submittedAt");
        equipment = equipment == null ? null : List.copyOf(equipment);
        financialContributions = financialContributions == null ? null : List.copyOf(financialContributions);
        parties = parties == null ? null : List.copyOf(parties);
    }

    @Override
    public String aggregateId() {
        return pledgeId;
    }
}
