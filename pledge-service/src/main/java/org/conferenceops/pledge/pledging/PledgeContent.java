package org.conferenceops.pledge.pledging;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.conferenceops.events.pledge.PledgeCategory;
import org.conferenceops.events.shared.UnLanguage;

/**
 * One revision of what a pledge offers. A correction adds a revision; earlier ones are kept unchanged.
 *
 * @param revision               1 for the first, counting up
 * @param category               what is pledged
 * @param units                  whole units offered, >= 0
 * @param personnel              personnel offered, >= 0
 * @param womenPersonnel         of which women, 0..personnel
 * @param equipment              major equipment, e.g. 12 utility helicopters
 * @param financialContributions money pledged, exact amounts with their currencies
 * @param a4pAreas               A4P commitment areas the pledge serves
 * @param description            free text in the language it was written in
 * @param descriptionLanguage    the UN language of the description
 * @param recordedAt             when this revision was accepted (UTC)
 * @param recordedBy             who recorded it (the token subject)
 */
public record PledgeContent(int revision, PledgeCategory category, int units, int personnel, int womenPersonnel,
        List<EquipmentItem> equipment, List<FinancialContribution> financialContributions, Set<A4pArea> a4pAreas,
        String description, UnLanguage descriptionLanguage, Instant recordedAt, String recordedBy) {

    public PledgeContent {
        equipment = List.copyOf(equipment);
        financialContributions = List.copyOf(financialContributions);
        a4pAreas = Set.copyOf(a4pAreas);
    }

    /** All equipment items together, exact. */
    public int equipmentItems() {
        return equipment.stream().mapToInt(EquipmentItem::quantity).reduce(0, Math::addExact);
    }
}
