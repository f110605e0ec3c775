package org.conferenceops.pledge.pledging;

import static org.conferenceops.events.pledge.PledgeStatus.ACCEPTED;
import static org.conferenceops.events.pledge.PledgeStatus.ACKNOWLEDGED;
import static org.conferenceops.events.pledge.PledgeStatus.ANNOUNCED;
import static org.conferenceops.events.pledge.PledgeStatus.DECLINED;
import static org.conferenceops.events.pledge.PledgeStatus.DEPLOYED;
import static org.conferenceops.events.pledge.PledgeStatus.DRAFT;
import static org.conferenceops.events.pledge.PledgeStatus.LEVEL_1;
import static org.conferenceops.events.pledge.PledgeStatus.LEVEL_2;
import static org.conferenceops.events.pledge.PledgeStatus.LEVEL_3;
import static org.conferenceops.events.pledge.PledgeStatus.RAPID_DEPLOYMENT;
import static org.conferenceops.events.pledge.PledgeStatus.SUBMITTED;
import static org.conferenceops.events.pledge.PledgeStatus.WITHDRAWN;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conferenceops.events.pledge.PledgeStatus;

/**
 * The pledge state machine, as one table: every allowed transition is listed here and nothing else is allowed.
 *
 * <pre>
 * DRAFT → SUBMITTED → ACKNOWLEDGED → [ANNOUNCED] → ACCEPTED | DECLINED
 * ACCEPTED → LEVEL_1 → LEVEL_2 → LEVEL_3 → RAPID_DEPLOYMENT → DEPLOYED   (uniformed capabilities)
 * LEVEL_3 → DEPLOYED
 * ACCEPTED → DEPLOYED                                                 (only categories without PCRS levels)
 * any status but DECLINED and WITHDRAWN → WITHDRAWN
 * </pre>
 */
public final class PledgeLifecycle {

    /** Statuses a pledge never leaves. */
    public static final Set<PledgeStatus> FINAL = EnumSet.of(DECLINED, WITHDRAWN);

    /** The PCRS readiness levels, lowest first. */
    public static final List<PledgeStatus> READINESS_LEVELS = List.of(LEVEL_1, LEVEL_2, LEVEL_3, RAPID_DEPLOYMENT);

    /** Statuses in which a pledge must be renewed periodically. */
    public static final Set<PledgeStatus> RENEWABLE = EnumSet.of(ACCEPTED, LEVEL_1, LEVEL_2, LEVEL_3,
            RAPID_DEPLOYMENT);

    private static final Map<PledgeStatus, Set<PledgeStatus>> NEXT = new EnumMap<>(PledgeStatus.class);

    /** The order in which statuses count towards a requirement; statuses that never count are absent. */
    private static final List<PledgeStatus> PROGRESSION = List.of(SUBMITTED, ACKNOWLEDGED, ANNOUNCED, ACCEPTED,
            LEVEL_1, LEVEL_2, LEVEL_3, RAPID_DEPLOYMENT, DEPLOYED);

    static {
        NEXT.put(DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN));
        NEXT.put(SUBMITTED, EnumSet.of(ACKNOWLEDGED, WITHDRAWN));
        NEXT.put(ACKNOWLEDGED, EnumSet.of(ANNOUNCED, ACCEPTED, DECLINED, WITHDRAWN));
        NEXT.put(ANNOUNCED, EnumSet.of(ACCEPTED, DECLINED, WITHDRAWN));
        NEXT.put(ACCEPTED, EnumSet.of(LEVEL_1, DEPLOYED, WITHDRAWN));
        NEXT.put(LEVEL_1, EnumSet.of(LEVEL_2, WITHDRAWN));
        NEXT.put(LEVEL_2, EnumSet.of(LEVEL_3, WITHDRAWN));
        NEXT.put(LEVEL_3, EnumSet.of(RAPID_DEPLOYMENT, DEPLOYED, WITHDRAWN));
        NEXT.put(RAPID_DEPLOYMENT, EnumSet.of(DEPLOYED, WITHDRAWN));
        NEXT.put(DEPLOYED, EnumSet.of(WITHDRAWN));
        NEXT.put(DECLINED, EnumSet.noneOf(PledgeStatus.class));
        NEXT.put(WITHDRAWN, EnumSet.noneOf(PledgeStatus.class));
        NEXT.put(PledgeStatus.UNKNOWN, EnumSet.noneOf(PledgeStatus.class));
    }

    private PledgeLifecycle() {
    }

    /** Whether the table allows going from one status to another. */
    public static boolean allows(PledgeStatus from, PledgeStatus to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }

    /**
     * Whether a pledge in {@code status} counts for a requirement that counts pledges from {@code countingStatus}
     * on: drafts, declined and withdrawn pledges never count.
     */
    public static boolean countsAtOrAbove(PledgeStatus status, PledgeStatus countingStatus) {
        int rank = PROGRESSION.indexOf(status);
        int threshold = PROGRESSION.indexOf(countingStatus);
        return rank >= 0 && threshold >= 0 && rank >= threshold;
    }

    /** Whether a status can be a requirement's counting status (one of the progression, not DRAFT or final). */
    public static boolean isCountingStatus(PledgeStatus status) {
        return PROGRESSION.contains(status);
    }

    /** Whether a pledge in this status is still being made (submitted but not yet decided) or is in force. */
    public static boolean isLive(PledgeStatus status) {
        return PROGRESSION.contains(status);
    }
}
