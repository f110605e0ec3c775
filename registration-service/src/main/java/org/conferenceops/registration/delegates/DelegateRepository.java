package org.conferenceops.registration.delegates;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Reads delegates; writes go through {@code EventOutbox.save}. */
public interface DelegateRepository extends MongoRepository<Delegate, String> {

    /** The delegate holding a badge, valid or not. */
    Optional<Delegate> findByBadgeBadgeId(String badgeId);
}
