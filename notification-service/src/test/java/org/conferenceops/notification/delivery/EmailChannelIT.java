package org.conferenceops.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.conferenceops.events.notification.Channel;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.notification.templates.RenderedMessage;
import org.conferenceops.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The production SMTP path (one reused connection per batch, no test double in between) reports each message
 * accepted before it sends the next, so that a caller dying in the callback leaves the rest of the batch unsent.
 */
class EmailChannelIT {

    private final TestInfrastructure infra = TestInfrastructure.get();

    @Test
    void eachMessageIsReportedAcceptedOnceTheServerHasItAndBeforeTheNextIsSent() {
        EmailChannel channel = new EmailChannel(sender(), settings());
        List<OutboundMessage> messages = messages(6);
        List<String> accepted = new ArrayList<>();

        Map<String, DeliveryFailure> failures = channel.sendAll(messages, message -> {
            assertThat(infra.mail().messagesTo(message.route().address())).as("on the server when reported")
                    .hasSize(1);
            int next = messages.indexOf(message) + 1;
            if (next < messages.size()) {
                assertThat(infra.mail().messagesTo(messages.get(next).route().address()))
                        .as("the next one not sent yet").isEmpty();
            }
            accepted.add(message.notificationId());
        });

        assertThat(failures).isEmpty();
        assertThat(accepted).containsExactlyElementsOf(messages.stream().map(OutboundMessage::notificationId)
                .toList());
    }

    @Test
    void aCallerThatDiesWhileRecordingTheThirdMessageLeavesTheRestUnsent() {
        EmailChannel channel = new EmailChannel(sender(), settings());
        List<OutboundMessage> messages = messages(6);
        List<String> accepted = new ArrayList<>();

        assertThatThrownBy(() -> channel.sendAll(messages, message -> {
            accepted.add(message.notificationId());
            if (accepted.size() == 3) {
                throw new IllegalStateException("the worker died while recording");
            }
        })).hasMessageContaining("died");

        assertThat(messages.subList(0, 3)).allSatisfy(m ->
                assertThat(infra.mail().messagesTo(m.route().address())).hasSize(1));
        assertThat(messages.subList(3, 6)).allSatisfy(m ->
                assertThat(infra.mail().messagesTo(m.route().address())).as("never handed over").isEmpty());
    }

    @Test
    void batchesOneAfterAnotherGoOverTheConnectionTheFirstOpenedUnlessABatchWasCutShort() throws Exception {
        EmailChannel channel = new EmailChannel(sender(), settings());
        try {
            for (int batch = 0; batch < 5; batch++) {
                List<OutboundMessage> messages = messages(2);
                assertThat(channel.sendAll(messages, message -> { })).isEmpty();
                assertThat(messages).allSatisfy(m ->
                        assertThat(infra.mail().messagesTo(m.route().address())).hasSize(1));
            }
            assertThat(channel.connectionsOpened()).as("one connection for five batches").isEqualTo(1);

            // a batch whose caller died midway leaves its connection closed; the next batch opens another
            assertThatThrownBy(() -> channel.sendAll(messages(2), message -> {
                throw new IllegalStateException("the worker died while recording");
            })).hasMessageContaining("died");
            List<OutboundMessage> after = messages(1);
            assertThat(channel.sendAll(after, message -> { })).isEmpty();
            assertThat(infra.mail().messagesTo(after.getFirst().route().address())).hasSize(1);
            assertThat(channel.connectionsOpened()).isEqualTo(2);
        }
        finally {
            channel.destroy();
        }
    }

    private JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(infra.mail().smtpHost());
        sender.setPort(infra.mail().smtpPort());
        return sender;
    }

    private static DeliverySettings settings() {
        return new DeliverySettings("ops@conference-ops.test", 1, 500, Duration.ofMillis(250),
                Duration.ofSeconds(60), 6, Duration.ofSeconds(30),
                Duration.ofMinutes(30), Duration.ofMinutes(2), 1);
    }

    private static List<OutboundMessage> messages(int count) {
        List<OutboundMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String recipient = "dlg-" + i + "-" + UUID.randomUUID();
            Route route = new Route(recipient, Channel.EMAIL, recipient + "@example.org", UnLanguage.ENGLISH,
                    ZoneOffset.UTC, null, "Lena Schmidt", recipient, null);
            messages.add(new OutboundMessage("ntf-" + UUID.randomUUID(), "evt-" + UUID.randomUUID(), "badge-issued",
                    false, route, new RenderedMessage(UnLanguage.ENGLISH, false, "Your badge is ready", "text",
                            "<p>html</p>"), Map.of(), Instant.now()));
        }
        return messages;
    }
}
