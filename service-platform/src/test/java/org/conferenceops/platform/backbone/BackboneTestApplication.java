package org.conferenceops.platform.backbone;

import java.util.ArrayList;
import java.util.List;
import org.conferenceops.events.EventCatalogue;
import org.conferenceops.events.EventCodec;
import org.conferenceops.events.EventDescriptor;
import org.conferenceops.platform.boot.ConferenceOpsService;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

/** A minimal service on the platform, used to prove the event backbone through real Kafka and MongoDB. */
@SpringBootApplication
@ConferenceOpsService("backbone-test")
@EnableMongoRepositories(considerNestedRepositories = true)
class BackboneTestApplication {

    static final String TOPIC = "conference-ops.backbone-test";

    @Bean
    EventCodec eventCodec() {
        List<EventDescriptor> descriptors = new ArrayList<>(EventCatalogue.standard().descriptors());
        descriptors.add(new EventDescriptor("backbone.LedgerEntryAdded", 1, LedgerEntryAdded.class, TOPIC,
                "backbone-test", "Ledger", "Test event."));
        return new EventCodec(new EventCatalogue(descriptors));
    }
}
