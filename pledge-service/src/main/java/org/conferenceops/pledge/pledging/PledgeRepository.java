package org.conferenceops.pledge.pledging;

import java.time.Instant;
import java.util.List;
import org.conferenceops.events.pledge.PledgeCategory;
import org.springframework.data.domain.Limit;
import org.springframework.data.mongodb.repository.MongoRepository;

interface PledgeRepository extends MongoRepository<Pledge, String> {

    List<Pledge> findByConferenceId(String conferenceId);

    List<Pledge> findByCategoryIn(List<PledgeCategory> categories);

    List<Pledge> findByRenewalDueAtLessThanEqualOrderByRenewalDueAt(Instant now, Limit limit);
}
