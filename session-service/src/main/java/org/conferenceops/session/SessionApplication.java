package org.conferenceops.session;

import org.conferenceops.platform.boot.ConferenceOpsService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConferenceOpsService(SessionApplication.NAME)
@ConfigurationPropertiesScan
@EnableScheduling
public class SessionApplication {

    public static final String NAME = "session-service";

    public static void main(String[] args) {
        SpringApplication.run(SessionApplication.class, args);
    }
}
