package org.conferenceops.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The inbox of the local SMTP server stays bounded however many e-mails a benchmark sends. */
class InboxTest {

    @Test
    void keepsOnlyTheNewestMessagesOnceItsLimitIsReached() throws Exception {
        Inbox inbox = new Inbox(5);
        for (int i = 1; i <= 12; i++) {
            inbox.record(message("Message " + i), List.of("delegate-" + i + "@example.org"));
        }

        List<InboxMessage> kept = inbox.messages();
        assertThat(kept).extracting(InboxMessage::subject)
                .containsExactly("Message 12", "Message 11", "Message 10", "Message 9", "Message 8");
        assertThat(kept.getFirst().textBody()).contains("body of Message 12");
        // ids go on from where they were: a message dropped is never confused with a later one
        assertThat(kept.getFirst().id()).isEqualTo("12");
        assertThat(inbox.find("3")).isEmpty();
    }

    private static MimeMessage message(String subject) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("noreply@conference-ops.example"));
        message.setSubject(subject);
        message.setText("body of " + subject, "UTF-8");
        message.saveChanges();
        return message;
    }
}
