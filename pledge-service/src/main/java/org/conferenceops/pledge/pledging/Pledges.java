package org.conferenceops.pledge.pledging;

import java.util.Collection;
import java.util.List;
import org.conferenceops.events.pledge.PledgeCategory;
import org.springframework.stereotype.Component;

/** Read access to the current figures of pledges, for the features that count them (gaps, tallies). */
@Component
public class Pledges {

    private final PledgeRepository repository;

    Pledges(PledgeRepository repository) {
        this.repository = repository;
    }

    /** The current figures of every pledge of these categories, whatever their status. */
    public List<PledgeFigures> ofCategories(Collection<PledgeCategory> categories) {
        return repository.findByCategoryIn(List.copyOf(categories)).stream().map(Pledge::figures).toList();
    }

    /** The current figures of every pledge made at a conference, whatever their status. */
    public List<PledgeFigures> ofConference(String conferenceId) {
        return repository.findByConferenceId(conferenceId).stream().map(Pledge::figures).toList();
    }
}
