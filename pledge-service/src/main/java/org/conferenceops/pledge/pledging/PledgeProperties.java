package org.conferenceops.pledge.pledging;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of pledge intake and renewal ({@code conference-ops.pledge.*}).
 *
 * @param firstRenewalAfter    how long after acceptance the first renewal falls due (PCRS: 12 months)
 * @param renewalInterval      how often it falls due after that (PCRS: every 6 months)
 * @param renewalSweepInterval how often the renewal sweep looks for pledges whose renewal fell due
 * @param renewalSweepBatch    how many due pledges one sweep handles at most
 * @param metricsRefreshInterval how often the organisers' gauges (pledges by status, capability gap) are recounted
 */
@ConfigurationProperties("conference-ops.pledge")
public record PledgeProperties(@DefaultValue("P12M") Period firstRenewalAfter,
        @DefaultValue("P6M") Period renewalInterval, @DefaultValue("1m") Duration renewalSweepInterval,
        @DefaultValue("500") int renewalSweepBatch, @DefaultValue("15s") Duration metricsRefreshInterval) {
}
