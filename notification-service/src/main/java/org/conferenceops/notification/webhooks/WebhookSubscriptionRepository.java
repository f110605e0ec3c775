package org.conferenceops.notification.webhooks;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface WebhookSubscriptionRepository extends MongoRepository<WebhookSubscription, String> {

    List<WebhookSubscription> findByDelegationId(String delegationId);

    List<WebhookSubscription> findByDelegationIdIn(java.util.Collection<String> delegationIds);
}
