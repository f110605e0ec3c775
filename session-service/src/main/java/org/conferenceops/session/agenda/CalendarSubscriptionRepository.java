package org.conferenceops.session.agenda;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Calendar subscriptions, by delegate (the id) and by the hash of their token. */
interface CalendarSubscriptionRepository extends MongoRepository<CalendarSubscription, String> {

    Optional<CalendarSubscription> findByTokenHash(String tokenHash);
}
