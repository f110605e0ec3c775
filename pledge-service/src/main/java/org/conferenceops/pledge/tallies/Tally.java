package org.conferenceops.pledge.tallies;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.conferenceops.events.pledge.PledgeCategory;
import org.conferenceops.pledge.pledging.PledgeFigures;
import org.conferenceops.pledge.pledging.PledgeLifecycle;
import org.jspecify.annotations.Nullable;

/**
 * The tally of a conference, or of one session of it: a pure function of the current figures of its pledges.
 * Drafts, declined and withdrawn pledges do not count; a corrected pledge counts with its current revision only.
 *
 * @param conferenceId   the conference
 * @param sessionId      the session (pledges announced in it), or null for the whole conference
 * @param pledges        pledges counted
 * @param memberStates   distinct pledging states
 * @param byCategory     pledges per category
 * @param byMemberState  pledges per pledging state (ISO 3166-1 alpha-3)
 * @param newUnits       units offered in total
 * @param personnel      personnel offered in total
 * @param womenPersonnel of which women
 * @param equipmentItems equipment items offered in total (e.g. helicopters)
 */
public record Tally(String conferenceId, @Nullable String sessionId, int pledges, int memberStates,
        Map<PledgeCategory, Integer> byCategory, Map<String, Integer> byMemberState, int newUnits, int personnel,
        int womenPersonnel, int equipmentItems) {

    /** Tallies the pledges of a conference (all of them, or those announced in one session). */
    public static Tally of(String conferenceId, @Nullable String sessionId, Collection<PledgeFigures> figures) {
        Map<PledgeCategory, Integer> byCategory = new TreeMap<>();
        Map<String, Integer> byState = new TreeMap<>();
        int count = 0;
        int units = 0;
        int personnel = 0;
        int women = 0;
        int equipment = 0;
        for (PledgeFigures pledge : figures) {
            if (!pledge.conferenceId().equals(conferenceId) || !PledgeLifecycle.isLive(pledge.status())
                    || sessionId != null && !sessionId.equals(pledge.announcedInSession())) {
                continue;
            }
            count++;
            byCategory.merge(pledge.category(), 1, Math::addExact);
            byState.merge(pledge.memberState(), 1, Math::addExact);
            units = Math.addExact(units, pledge.units());
            personnel = Math.addExact(personnel, pledge.personnel());
            women = Math.addExact(women, pledge.womenPersonnel());
            equipment = Math.addExact(equipment, pledge.equipmentItems());
        }
        return new Tally(conferenceId, sessionId, count, new TreeSet<>(byState.keySet()).size(), byCategory, byState,
                units, personnel, women, equipment);
    }
}
