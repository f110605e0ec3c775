package org.conferenceops.pledge.pledging;

import java.util.Set;
import org.conferenceops.events.pledge.PledgeCategory;

/**
 * In-process notice, published after a pledge change was stored, so that what is derived from pledges (the gap of
 * the requirements of these categories) is recomputed at once. Not an integration event.
 *
 * @param pledgeId   the pledge that changed
 * @param categories the categories whose figures may have changed (before and after a correction)
 */
public record PledgeChanged(String pledgeId, Set<PledgeCategory> categories) {
}
