package org.conferenceops.registration.conferences;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service-wide registration settings.
 *
 * @param delegationSize         the size rule a conference gets when its organisers do not set one
 * @param metricsRefreshInterval how often the organisers' accreditation gauges are recounted from the database
 */
@ConfigurationProperties("registration")
public record RegistrationProperties(@DefaultValue DelegationSize delegationSize,
        @DefaultValue("15s") Duration metricsRefreshInterval) {

    /** Defaults of {@link DelegationSizeRule}, GA rule 25 with 15 advisers. */
    public record DelegationSize(@DefaultValue("5") int representatives, @DefaultValue("5") int alternates,
            @DefaultValue("15") int advisers) {

        public DelegationSizeRule rule() {
            return new DelegationSizeRule(representatives, alternates, advisers);
        }
    }
}
