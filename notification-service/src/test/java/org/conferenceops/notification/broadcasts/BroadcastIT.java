package org.conferenceops.notification.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.conferenceops.events.Topics;
import org.conferenceops.events.registration.DelegateRegistered;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.notification.NotificationServiceIT;
import org.junit.jupiter.api.Test;

/** Organisers tell a filtered audience something, in each recipient's language where it was written. */
class BroadcastIT extends NotificationServiceIT {

    @Test
    void aBroadcastToADelegationReachesEachDelegateInTheirLanguageOrVisiblyInEnglish() throws Exception {
        String delegation = "berlin-2025-FRA-" + UUID.randomUUID();
        String french = "dlg-fr-" + UUID.randomUUID();
        String russian = "dlg-ru-" + UUID.randomUUID();
        register(delegation, french, UnLanguage.FRENCH);
        register(delegation, russian, UnLanguage.RUSSIAN);
        await().atMost(Duration.ofSeconds(30)).until(() -> !infra.mail().messagesTo(russian + "@example.org").isEmpty()
                && !infra.mail().messagesTo(french + "@example.org").isEmpty());

        HttpResponse<String> accepted = send("POST", "/api/conferences/berlin-2025/broadcasts",
                TokenRequest.organizer(), """
                        {"audience":{"delegationId":"%s"},
                         "subject":{"en":"Plenary moved to Hall B","fr":"La plénière se tient en salle B"},
                         "body":{"en":"The plenary starts in Hall B.","fr":"La plénière commence en salle B."},
                         "urgent":true}""".formatted(delegation));

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).contains("\"recipients\":2");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(infra.mail().messagesTo(french + "@example.org")).anySatisfy(m ->
                    assertThat(m.subject()).isEqualTo("La plénière se tient en salle B"));
            assertThat(infra.mail().messagesTo(russian + "@example.org")).anySatisfy(m ->
                    assertThat(m.subject()).isEqualTo("Plenary moved to Hall B"));
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get("/api/notifications?delegateId=" + russian + "&kind=broadcast&channel=EMAIL",
                        TokenRequest.organizer()).body()).contains("\"languageFallback\":true"));
    }

    @Test
    void aBroadcastWithoutAnAudienceOrToNobodyIsRefused() throws Exception {
        HttpResponse<String> noAudience = send("POST", "/api/conferences/berlin-2025/broadcasts",
                TokenRequest.organizer(), """
                        {"subject":{"en":"x"},"body":{"en":"y"}}""");
        assertThat(noAudience.statusCode()).isEqualTo(400);
        assertThat(noAudience.body()).contains("audience");
        HttpResponse<String> nobody = send("POST", "/api/conferences/berlin-2025/broadcasts",
                TokenRequest.organizer(), """
                        {"audience":{"delegationId":"berlin-2025-NOBODY-%s"},"subject":{"en":"x"},"body":{"en":"y"}}"""
                        .formatted(UUID.randomUUID()));
        assertThat(nobody.statusCode()).isEqualTo(422);
        assertThat(nobody.body()).contains("no-recipients");
        assertThat(send("POST", "/api/conferences/berlin-2025/broadcasts", TokenRequest.focalPoint("berlin-2025-GHA"),
                """
                        {"audience":{},"subject":{"en":"x"},"body":{"en":"y"}}""").statusCode()).isEqualTo(403);
    }

    private void register(String delegation, String delegateId, UnLanguage language) throws Exception {
        publish(Topics.REGISTRATION, "registration-service", UUID.randomUUID().toString(), new DelegateRegistered(
                delegateId, "berlin-2025", delegation, "Claire", "Dubois", delegateId + "@example.org", language,
                Instant.now()), 1);
    }
}
