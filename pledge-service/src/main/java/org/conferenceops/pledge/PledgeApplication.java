package org.conferenceops.pledge;

import org.conferenceops.platform.boot.ConferenceOpsService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConferenceOpsService(PledgeApplication.NAME)
@ConfigurationPropertiesScan
@EnableScheduling
public class PledgeApplication {

    public static final String NAME = "pledge-service";

    public static void main(String[] args) {
        SpringApplication.run(PledgeApplication.class, args);
    }
}
