package org.conferenceops.registration;

import org.conferenceops.platform.boot.ConferenceOpsService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@ConferenceOpsService(RegistrationApplication.NAME)
public class RegistrationApplication {

    public static final String NAME = "registration-service";

    public static void main(String[] args) {
        SpringApplication.run(RegistrationApplication.class, args);
    }
}
