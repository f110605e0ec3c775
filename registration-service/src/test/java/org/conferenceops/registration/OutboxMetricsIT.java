package org.conferenceops.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The outbox's publishes reach the Prometheus scrape: ops watch the relay's send time and errors there, and a
 * second Kafka template timer of another shape made Prometheus refuse the outbox's (it keeps the first one
 * registered under a name).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = Api.LOCAL_DEFAULTS)
class OutboxMetricsIT {

    @LocalServerPort
    int port;

    @Test
    void theRelaysPublishesAreTimedInThePrometheusScrape() throws Exception {
        Api api = new Api(port);
        String conference = api.newConference(null);
        api.newDelegation(conference, "GHA");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(scrape().lines()
                .filter(line -> line.startsWith("spring_kafka_template_seconds_count{"))
                .filter(line -> line.contains("spring_kafka_template_name=\"outboxKafkaTemplate\""))
                .filter(line -> line.contains("messaging_destination_name=\"conference-ops.registration\"")))
                .as("the relay's publish timer in the scrape").isNotEmpty());
    }

    private String scrape() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
