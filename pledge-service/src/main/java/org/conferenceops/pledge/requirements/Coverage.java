package org.conferenceops.pledge.requirements;

/**
 * How far the pledges that count cover a requirement.
 *
 * @param needed         the quantity needed
 * @param covered        the quantity the counted pledges offer (may exceed the need)
 * @param gap            what remains, {@code max(0, needed - covered)}
 * @param countedPledges how many pledges count
 */
public record Coverage(int needed, int covered, int gap, int countedPledges) {
}
