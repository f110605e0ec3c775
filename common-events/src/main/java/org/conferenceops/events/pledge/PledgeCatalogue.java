package org.conferenceops.events.pledge;

import java.util.List;
import org.conferenceops.events.EventDescriptor;
import org.conferenceops.events.IntegrationEvent;
import org.conferenceops.events.Topics;

/** The catalogue entries of pledge-service's events. Entries are only ever added. */
public final class PledgeCatalogue {

    private static final String PRODUCER = "pledge-service";

    /** Every published (type, version) of the pledge family. */
    public static final List<EventDescriptor> DESCRIPTORS = List.of(
            pledge("pledge.PledgeSubmitted", PledgeSubmitted.class,
                    "A member state's focal point, or an organiser on its behalf, submitted a pledge."),
            pledge("pledge.PledgeRevised", PledgeRevised.class,
                    "A submitted pledge was corrected; the correction is a new revision, earlier ones are kept."),
            pledge("pledge.PledgeAcknowledged", PledgeAcknowledged.class,
                    "The UN acknowledged receipt of a pledge with a receipt number."),
            pledge("pledge.PledgeAnnounced", PledgeAnnounced.class,
                    "A pledge was announced in a conference session by a speaker."),
            pledge("pledge.PledgeAccepted", PledgeAccepted.class,
                    "The UN accepted a pledge; renewal falls due twelve months later."),
            pledge("pledge.PledgeDeclined", PledgeDeclined.class,
                    "The UN declined a pledge."),
            pledge("pledge.PledgeReadinessChanged", PledgeReadinessChanged.class,
                    "A pledged capability moved to another PCRS readiness level."),
            pledge("pledge.PledgeDeployed", PledgeDeployed.class,
                    "A pledged capability was deployed to a mission (or a non-unit pledge fulfilled)."),
            pledge("pledge.PledgeWithdrawn", PledgeWithdrawn.class,
                    "A member state withdrew a pledge (possible at any point before deployment)."),
            pledge("pledge.PledgeRenewalDue", PledgeRenewalDue.class,
                    "A pledge's periodic renewal fell due (twelve months after acceptance, then every six)."),
            pledge("pledge.PledgeRenewed", PledgeRenewed.class,
                    "The pledging state confirmed a pledge's renewal; the next one falls due six months later."),
            pledge("pledge.PledgePartyConfirmed", PledgePartyConfirmed.class,
                    "A member state taking part in a multi-party pledge confirmed its part."),
            requirement("pledge.CapabilityGapChanged", CapabilityGapChanged.class,
                    "The coverage or remaining gap of a capability requirement changed."));

    private PledgeCatalogue() {
    }

    private static EventDescriptor pledge(String type, Class<? extends IntegrationEvent> javaType, String summary) {
        return new EventDescriptor(type, 1, javaType, Topics.PLEDGE, PRODUCER, "Pledge", summary);
    }

    private static EventDescriptor requirement(String type, Class<? extends IntegrationEvent> javaType,
            String summary) {
        return new EventDescriptor(type, 1, javaType, Topics.PLEDGE, PRODUCER, "CapabilityRequirement", summary);
    }
}
