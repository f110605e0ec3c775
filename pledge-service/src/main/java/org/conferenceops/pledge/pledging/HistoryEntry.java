package org.conferenceops.pledge.pledging;

import java.time.Instant;
import org.conferenceops.events.pledge.PledgeStatus;

/**
 * One change of a pledge, kept forever: who did what, when, and the status before and after.
 *
 * @param at     when (UTC)
 * @param by     who (the token subject)
 * @param action what, e.g. {@code submit}, {@code revise}, {@code confirm-party}
 * @param from   status before
 * @param to     status after
 * @param detail what changed, in words (no personal data)
 */
public record HistoryEntry(Instant at, String by, String action, PledgeStatus from, PledgeStatus to, String detail) {
}
