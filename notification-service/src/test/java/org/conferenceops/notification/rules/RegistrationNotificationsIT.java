package org.conferenceops.notification.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.conferenceops.events.Topics;
import org.conferenceops.events.registration.AccreditationCategory;
import org.conferenceops.events.registration.BadgeIssued;
import org.conferenceops.events.registration.DelegateAccredited;
import org.conferenceops.events.registration.DelegateErased;
import org.conferenceops.events.registration.DelegateRegistered;
import org.conferenceops.events.registration.DelegateUpdated;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.infra.mail.InboxMessage;
import org.conferenceops.notification.NotificationServiceIT;
import org.junit.jupiter.api.Test;

/** Registration events reach delegates and focal points once, in their language, and the log shows it. */
class RegistrationNotificationsIT extends NotificationServiceIT {

    private static final String REGISTRATION = "registration-service";
    private final String conference = "accra-2023";

    @Test
    void anAccreditationTellsTheDelegateInTheirLanguageAndTheFocalPointOnceEachEvenWhenRedelivered() throws Exception {
        String delegation = "accra-2023-GHA-" + UUID.randomUUID();
        String delegateId = "dlg-" + UUID.randomUUID();
        String email = delegateId + "@example.org";
        String focalPointEmail = "fp-" + UUID.randomUUID() + "@example.org";
        registered(delegation, delegateId, email, UnLanguage.FRENCH);
        assertThat(send("PUT", "/api/delegations/" + delegation + "/focal-point-contact",
                TokenRequest.focalPoint(delegation), """
                        {"name":"Kofi Boateng","email":"%s","language":"en"}""".formatted(focalPointEmail))
                .statusCode()).isEqualTo(200);
        String eventId = UUID.randomUUID().toString();
        DelegateAccredited accredited = new DelegateAccredited(delegateId, conference, delegation,
                AccreditationCategory.MEMBER_STATE_DELEGATE, false, Instant.now());

        publish(Topics.REGISTRATION, REGISTRATION, eventId, accredited, 2);
        publish(Topics.REGISTRATION, REGISTRATION, eventId, accredited, 2);

        await().atMost(Duration.ofSeconds(30)).until(() -> !infra.mail().messagesTo(email).isEmpty()
                && !infra.mail().messagesTo(focalPointEmail).isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(infra.mail().messagesTo(email)).hasSize(2);
            assertThat(infra.mail().messagesTo(focalPointEmail)).hasSize(1);
        });
        InboxMessage toDelegate = infra.mail().messagesTo(email).stream()
                .filter(m -> m.subject() != null && m.subject().contains("accrédité")).findFirst().orElseThrow();
        assertThat(toDelegate.subject()).isEqualTo("Amina Mensah est accrédité(e) à accra-2023");
        assertThat(toDelegate.language()).isEqualTo("fr");
        InboxMessage toFocalPoint = infra.mail().messagesTo(focalPointEmail).getFirst();
        assertThat(toFocalPoint.subject()).isEqualTo("Amina Mensah is accredited to accra-2023");
        assertThat(toFocalPoint.textBody()).contains("Dear Kofi Boateng").contains("MEMBER_STATE_DELEGATE");

        HttpResponse<String> log = get("/api/notifications?sourceEventId=" + eventId, TokenRequest.organizer());
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body()).contains("\"total\":3").contains("\"channel\":\"EMAIL\"").contains("\"channel\":\"FEED\"")
                .contains("\"recipientId\":\"fp:" + delegation + "\"").contains("\"status\":\"SENT\"")
                .contains(focalPointEmail);
        HttpResponse<String> own = get("/api/delegates/" + delegateId + "/notifications",
                TokenRequest.delegate(delegation, delegateId));
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("accreditation-granted").contains("registration-confirmation")
                .doesNotContain(email);
        assertThat(get("/api/delegates/" + delegateId + "/notifications",
                TokenRequest.delegate(delegation, "dlg-someone-else")).statusCode()).isEqualTo(404);
        assertThat(get("/api/notifications?sourceEventId=" + eventId,
                TokenRequest.delegate(delegation, delegateId)).statusCode()).isEqualTo(403);
        assertThat(get("/api/notifications?status=LOST", TokenRequest.organizer()).statusCode()).isEqualTo(422);
    }

    @Test
    void anUpdatedAddressAndLanguageAreUsedForTheNextMessage() throws Exception {
        String delegation = "accra-2023-KEN-" + UUID.randomUUID();
        String delegateId = "dlg-" + UUID.randomUUID();
        registered(delegation, delegateId, delegateId + "@old.example.org", UnLanguage.ENGLISH);
        String newEmail = delegateId + "@new.example.org";
        publish(Topics.REGISTRATION, REGISTRATION, UUID.randomUUID().toString(), new DelegateUpdated(delegateId,
                conference, delegation, "Amina", "Mensah", newEmail, UnLanguage.SPANISH, "Africa/Nairobi",
                Instant.now()), 2);

        publish(Topics.REGISTRATION, REGISTRATION, UUID.randomUUID().toString(), new BadgeIssued(delegateId,
                conference, delegation, "bdg-1", AccreditationCategory.MEMBER_STATE_DELEGATE, Instant.now()), 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> !infra.mail().messagesTo(newEmail).isEmpty());
        InboxMessage badge = infra.mail().messagesTo(newEmail).getFirst();
        assertThat(badge.subject()).isEqualTo("Su tarjeta de identificación para accra-2023 está lista");
        assertThat(badge.language()).isEqualTo("es");
        HttpResponse<String> preferences = get("/api/delegates/" + delegateId + "/preferences",
                TokenRequest.delegate(delegation, delegateId));
        assertThat(preferences.body()).contains("\"effectiveLanguage\":\"es\"")
                .contains("\"effectiveTimeZone\":\"Africa/Nairobi\"");
    }

    @Test
    void aRegistrationOfADelegateAlreadyKnownIsAppliedToTheStoredRecipientAndAnOlderOneIsNot() throws Exception {
        String delegation = "accra-2023-SEN-" + UUID.randomUUID();
        String delegateId = "dlg-" + UUID.randomUUID();
        String firstEventId = UUID.randomUUID().toString();
        DelegateRegistered first = new DelegateRegistered(delegateId, conference, delegation, "Amina", "Mensah",
                delegateId + "@example.org", UnLanguage.ENGLISH, Instant.now());
        publish(Topics.REGISTRATION, REGISTRATION, firstEventId, first, 1);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                get("/api/delegates/" + delegateId + "/preferences", TokenRequest.organizer()).statusCode() == 200);

        // the recipient exists: this registration (a later version) is applied to it, not refused with the insert
        publish(Topics.REGISTRATION, REGISTRATION, UUID.randomUUID().toString(), new DelegateRegistered(delegateId,
                conference, delegation, "Amina", "Mensah", delegateId + "@example.org", UnLanguage.SPANISH,
                Instant.now()), 3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/api/delegates/" + delegateId
                + "/preferences", TokenRequest.organizer()).body()).contains("\"effectiveLanguage\":\"es\""));

        // the first one redelivered is stale: it changes nothing
        publish(Topics.REGISTRATION, REGISTRATION, firstEventId, first, 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(get("/api/delegates/" + delegateId + "/preferences", TokenRequest.organizer()).body())
                        .contains("\"effectiveLanguage\":\"es\""));
    }

    @Test
    void preferencesChooseChannelsAndLanguageAndBadPreferencesAreRefusedWithProblemDetails() throws Exception {
        String delegation = "accra-2023-NGA-" + UUID.randomUUID();
        String delegateId = "dlg-" + UUID.randomUUID();
        String email = delegateId + "@example.org";
        registered(delegation, delegateId, email, UnLanguage.ENGLISH);
        TokenRequest self = TokenRequest.delegate(delegation, delegateId);

        HttpResponse<String> smsWithoutPhone = send("PUT", "/api/delegates/" + delegateId + "/preferences", self,
                """
                {"channels":["SMS","PIGEON"],"language":"de","timeZone":"Mars/Olympus"}""");
        assertThat(smsWithoutPhone.statusCode()).isEqualTo(422);
        assertThat(smsWithoutPhone.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(smsWithoutPhone.body()).contains("phone-required-for-sms").contains("channels[1]")
                .contains("not-a-un-language").contains("unknown-time-zone");
        assertThat(send("PUT", "/api/delegates/" + delegateId + "/preferences", self, """
                {"channels":[],"phone":"12"}""").statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/api/delegates/" + delegateId + "/preferences",
                TokenRequest.focalPoint("another-delegation"), """
                {"channels":["EMAIL"]}""").statusCode()).isEqualTo(404);

        String phone = "+23320" + (1000000 + (int) (Math.random() * 8999999));
        HttpResponse<String> changed = send("PUT", "/api/delegates/" + delegateId + "/preferences", self, """
                {"channels":["SMS"],"language":"ru","phone":"%s"}""".formatted(phone));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("\"channels\":[\"SMS\"]").doesNotContain(phone);

        publish(Topics.REGISTRATION, REGISTRATION, UUID.randomUUID().toString(), new BadgeIssued(delegateId,
                conference, delegation, "bdg-2", AccreditationCategory.MEMBER_STATE_DELEGATE, Instant.now()), 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> !SMS.containing(phone).isEmpty());
        assertThat(SMS.containing(phone).getFirst().body()).contains("Ваш пропуск на accra-2023 готов");
        assertThat(SMS.containing(phone).getFirst().authorization()).isEqualTo("Bearer test-key");
        assertThat(SMS.containing(phone).getFirst().idempotencyKey()).startsWith("ntf-");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(infra.mail().messagesTo(email)).as("only the registration confirmation").hasSize(1));
    }

    @Test
    void nonUrgentMessagesWaitForTheEndOfQuietHours() throws Exception {
        String delegation = "accra-2023-SEN-" + UUID.randomUUID();
        String delegateId = "dlg-" + UUID.randomUUID();
        String email = delegateId + "@example.org";
        registered(delegation, delegateId, email, UnLanguage.ENGLISH);
        java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
        assertThat(send("PUT", "/api/delegates/" + delegateId + "/preferences",
                TokenRequest.delegate(delegation, delegateId), """
                {"channels":["EMAIL"],"timeZone":"UTC","quietHours":{"from":"%s","to":"%s"}}""".formatted(
                        hhmm(now.minusHours(1)), hhmm(now.plusHours(2)))).statusCode()).isEqualTo(200);
        String eventId = UUID.randomUUID().toString();

        publish(Topics.REGISTRATION, REGISTRATION, eventId, new BadgeIssued(delegateId, conference, delegation,
                "bdg-3", AccreditationCategory.MEMBER_STATE_DELEGATE, Instant.now()), 3);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("/api/notifications?sourceEventId=" + eventId, TokenRequest.organizer()).body())
                        .contains("\"status\":\"DEFERRED\"").contains("quiet hours until"));
        assertThat(infra.mail().messagesTo(email)).hasSize(1);
    }

    @Test
    void anErasedDelegateIsForgottenAndTheirFocalPointIsToldByReferenceOnly() throws Exception {
        String delegation = "accra-2023-RWA-" + UUID.randomUUID();
        String delegateId = "dlg-" + UUID.randomUUID();
        String email = delegateId + "@example.org";
        String focalPointEmail = "fp-" + UUID.randomUUID() + "@example.org";
        registered(delegation, delegateId, email, UnLanguage.ENGLISH);
        send("PUT", "/api/delegations/" + delegation + "/focal-point-contact", TokenRequest.organizer(), """
                {"name":"Jean Uwimana","email":"%s","language":"fr"}""".formatted(focalPointEmail));
        await().atMost(Duration.ofSeconds(30)).until(() -> !infra.mail().messagesTo(email).isEmpty());

        publish(Topics.REGISTRATION, REGISTRATION, UUID.randomUUID().toString(),
                new DelegateErased(delegateId, conference, delegation, Instant.now()), 9);

        await().atMost(Duration.ofSeconds(30)).until(() -> !infra.mail().messagesTo(focalPointEmail).isEmpty());
        InboxMessage notice = infra.mail().messagesTo(focalPointEmail).getFirst();
        assertThat(notice.textBody()).contains(delegateId).doesNotContain("Amina").doesNotContain(email);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String log = get("/api/notifications?delegateId=" + delegateId, TokenRequest.organizer()).body();
            assertThat(log).contains("\"addressErased\":true").doesNotContain(email);
        });
        assertThat(get("/api/delegates/" + delegateId + "/preferences", TokenRequest.organizer()).statusCode())
                .isEqualTo(404);
    }

    private void registered(String delegation, String delegateId, String email, UnLanguage language)
            throws Exception {
        publish(Topics.REGISTRATION, REGISTRATION, UUID.randomUUID().toString(), new DelegateRegistered(delegateId,
                conference, delegation, "Amina", "Mensah", email, language, Instant.now()), 1);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                get("/api/delegates/" + delegateId + "/preferences", TokenRequest.organizer()).statusCode() == 200);
    }

    private static String hhmm(java.time.LocalTime time) {
        return "%02d:%02d".formatted(time.getHour(), time.getMinute());
    }
}
