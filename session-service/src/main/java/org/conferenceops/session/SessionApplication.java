package org.conferenceops.session;

import org.conferenceops.platform.boot.ConferenceOpsService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@ConferenceOpsService(SessionApplication.NAME)
public class SessionApplication {

    public static final String NAME = "session-service";

    public static void main(String[] args) {
        SpringApplication.run(SessionApplication.class, args);
    }
}
