package org.conferenceops.pledge.requirements;

import java.util.List;
import org.conferenceops.events.pledge.PledgeCategory;
import org.springframework.data.mongodb.repository.MongoRepository;

interface RequirementRepository extends MongoRepository<CapabilityRequirement, String> {

    List<CapabilityRequirement> findByCategoryIn(List<PledgeCategory> categories);
}
