package org.conferenceops.registration.conferences;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service-wide registration settings.
 *
 * @param delegationSize the size rule a conference gets when its organisers do not set one
 */
@ConfigurationProperties("registration")
public record RegistrationProperties(@DefaultValue DelegationSize delegationSize) {

    /** Defaults of {@link DelegationSizeRule}, GA rule 25 with 15 advisers. */
    public record DelegationSize(@DefaultValue("5") int representatives, @DefaultValue("5") int alternates,
            @DefaultValue("15") int advisers) {

        public DelegationSizeRule rule() {
            return new DelegationSizeRule(representatives, alternates, advisers);
        }
    }
}
