package org.conferenceops.notification;

import org.conferenceops.platform.boot.ConferenceOpsService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
@ConferenceOpsService(NotificationApplication.NAME)
public class NotificationApplication {

    public static final String NAME = "notification-service";

    public static void main(String[] args) {
        SpringApplication.run(NotificationApplication.class, args);
    }
}
