package org.conferenceops.pledge.pledging;

import java.time.Instant;
import java.util.List;
import org.conferenceops.events.pledge.PledgeCategory;
import org.conferenceops.events.pledge.PledgeStatus;
import org.jspecify.annotations.Nullable;

/** A pledge as shown to those allowed to see it: current state, every revision, every party, the full history. */
public record PledgeView(String id, String conferenceId, String memberState, PledgeCategory category,
        PledgeStatus status, PledgeContent current, List<PledgeContent> revisions, List<Party> parties,
        boolean allPartiesConfirmed, @Nullable String receiptNumber, @Nullable Announcement announcement,
        @Nullable String assessmentVisitDate, @Nullable String mission, @Nullable String closingReason,
        @Nullable Instant acceptedAt, @Nullable Instant renewalDueAt, int renewalsRaised, int renewalsConfirmed,
        boolean renewalAwaitingConfirmation, List<HistoryEntry> history) {

    static PledgeView of(Pledge pledge) {
        return new PledgeView(pledge.id(), pledge.conferenceId(), pledge.memberState(), pledge.category(),
                pledge.status(), pledge.current(), pledge.revisions(), pledge.parties(), pledge.allPartiesConfirmed(),
                pledge.receiptNumber(), pledge.announcement(), pledge.assessmentVisitDate(), pledge.mission(),
                pledge.closingReason(), pledge.acceptedAt(), pledge.renewalDueAt(), pledge.renewalsRaised(),
                pledge.renewalsConfirmed(), pledge.renewalAwaitingConfirmation(), pledge.history());
    }
}
