package org.conferenceops.events.pledge;

import org.conferenceops.events.IntegrationEvent;

/** The events pledge-service publishes; a consumer's {@code switch} over them is exhaustive. */
public sealed interface PledgeEvent extends IntegrationEvent permits PledgeSubmitted, PledgeRevised,
        PledgeAcknowledged, PledgeAnnounced, PledgeAccepted, PledgeDeclined, PledgeReadinessChanged, PledgeDeployed,
        PledgeWithdrawn, PledgeRenewalDue, PledgeRenewed, PledgePartyConfirmed, CapabilityGapChanged {
}
