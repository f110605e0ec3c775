package org.conferenceops.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.conferenceops.events.Topics;
import org.conferenceops.events.registration.AccreditationCategory;
import org.conferenceops.events.registration.BadgeIssued;
import org.conferenceops.events.registration.DelegateRegistered;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.notification.NotificationServiceIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A delegate's live feed carries their own notifications, and only theirs. */
class FeedIT extends NotificationServiceIT {

    @Test
    void aConnectedDelegateSeesTheirBadgeNoticeLiveAndAnotherDelegateDoesNot() throws Exception {
        String delegation = "berlin-2025-GHA-" + UUID.randomUUID();
        String mine = "dlg-" + UUID.randomUUID();
        String other = "dlg-" + UUID.randomUUID();
        for (String delegate : List.of(mine, other)) {
            publish(Topics.REGISTRATION, "registration-service", UUID.randomUUID().toString(),
                    new DelegateRegistered(delegate, "berlin-2025", delegation, "Kwame", "Asante",
                            delegate + "@example.org", UnLanguage.ENGLISH, Instant.now()), 1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !infra.mail().messagesTo(other + "@example.org").isEmpty());
        List<String> myLines = listen(TokenRequest.delegate(delegation, mine));
        List<String> otherLines = listen(TokenRequest.delegate(delegation, other));
        await().atMost(Duration.ofSeconds(10)).until(() -> myLines.contains("event:connected")
                && otherLines.contains("event:connected"));

        publish(Topics.REGISTRATION, "registration-service", UUID.randomUUID().toString(), new BadgeIssued(mine,
                "berlin-2025", delegation, "bdg-9", AccreditationCategory.MEMBER_STATE_DELEGATE, Instant.now()), 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> myLines.contains("event:notification"));
        assertThat(myLines).anySatisfy(line -> assertThat(line).startsWith("data:")
                .contains("\"kind\":\"badge-issued\"").contains("Your badge for berlin-2025 is ready"));
        assertThat(otherLines).doesNotContain("event:notification");
        // the push is recorded as sent in the delegate's log (feed outcomes are saved together after a hand-off)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> log = get("/api/delegates/" + mine + "/notifications",
                    TokenRequest.delegate(delegation, mine));
            assertThat(log.statusCode()).isEqualTo(200);
            List<String> feed = new java.util.ArrayList<>();
            JsonMapper.builder().build().readTree(log.body()).path("items").forEach(item -> {
                if (item.path("channel").asString().equals("FEED")) {
                    feed.add(item.path("kind").asString() + " " + item.path("status").asString());
                }
            });
            assertThat(feed).contains("badge-issued SENT").allMatch(entry -> entry.endsWith(" SENT"));
        });
        HttpResponse<String> organiser = http.send(HttpRequest.newBuilder(uri("/api/me/feed"))
                .header("Authorization", "Bearer " + infra.token(TokenRequest.organizer())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(organiser.statusCode()).isEqualTo(403);
    }

    private List<String> listen(TokenRequest token) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(uri("/api/me/feed"))
                .header("Authorization", "Bearer " + infra.token(token)).header("Accept", "text/event-stream")
                .GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenAccept(response -> {
            try (InputStream in = response.body();
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            }
            catch (java.io.IOException streamClosed) {
                lines.add("closed");
            }
        });
        return lines;
    }
}
