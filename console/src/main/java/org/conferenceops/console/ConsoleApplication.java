package org.conferenceops.console;

import org.conferenceops.platform.boot.ConferenceOpsService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The organisers' live console and the delegate's page. It owns no data: every page is rendered from the
 * services' HTTP APIs, called with the signed-in user's own token (docs/adr/015-console.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@ConferenceOpsService("console")
public class ConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }
}
